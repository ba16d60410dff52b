// Must stay the first import: it configures zod before any schema module is evaluated.
import './zodConfig';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
// antd's own prebuilt styles (zeroRuntime below): generating them at run time was about a third of the first page's
// script time. The theme's tokens still reach them as CSS variables, so the font setting below keeps working.
import 'antd/dist/antd.css';
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
      // Two-character labels stay 保存, not 保 存: consistent with the longer labels beside them.
      button={{ autoInsertSpace: false }}
      // Office PCs ship Microsoft YaHei; naming it first keeps Chinese text crisp on Windows. The primary colour stays
      // antd blue on purpose: a Party-red focus ring reads as an error to the clerk.
      // A fixed cssVar key, not the useId one, so the token variables never collide with the ones baked into antd.css.
      theme={{ zeroRuntime: true, hashed: false, cssVar: { key: 'css-var-ledger' }, token: { fontFamily: "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif" } }}
    >
      <AntApp>
        {/* A page is drawn in one go rather than in slices between frames: nothing else runs meanwhile, and the
            slices made a 人员库 of 100,000 people take visibly longer to appear. */}
        <HashRouter useTransitions={false}>
          <Boot />
        </HashRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
