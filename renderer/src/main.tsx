import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import { Boot } from './Boot';

dayjs.locale('zh-cn');

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      // Office PCs ship Microsoft YaHei; naming it first keeps Chinese text crisp on Windows.
      theme={{ token: { fontFamily: "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif", colorPrimary: '#c8161d' } }}
    >
      <AntApp>
        <HashRouter>
          <Boot />
        </HashRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
