import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { saveReport } from '../../api/client';
import { useNotify } from '../../components/useNotify';

/** 导出 Excel of 操作日志 for the chosen dates (all of it when none), through the report machinery ('audit-log'). */
export function AuditExportButton({ range }: { range: [Dayjs | null, Dayjs | null] | null }) {
  const { message, fail } = useNotify();
  const [busy, setBusy] = useState(false);
  const [from, to] = range ?? [null, null];

  const exportIt = async () => {
    setBusy(true);
    try {
      const result = await saveReport({ reportId: 'audit-log', from: from?.format('YYYY-MM-DD') ?? null, to: to?.format('YYYY-MM-DD') ?? null });
      if (result.saved) message.success({ content: `已导出：${result.path ?? result.fileName}`, duration: 6 });
      else message.info('已取消保存');
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const scope = from || to ? `${from?.format('YYYY-MM-DD') ?? '最早'} 至 ${to?.format('YYYY-MM-DD') ?? '今天'}` : '全部日期';
  return (
    <Tooltip title={`导出${scope}的全部操作记录（只按日期筛选；文件中的身份证号一律脱敏）`}>
      <Button icon={<FileExcelOutlined />} loading={busy} onClick={exportIt}>
        导出 Excel
      </Button>
    </Tooltip>
  );
}
