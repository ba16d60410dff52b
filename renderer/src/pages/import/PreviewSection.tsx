import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Col, Row, Space, Typography } from 'antd';
import { MappingTable } from './MappingTable';
import { PreviewRows } from './PreviewRows';
import type { Preview } from './types';

interface Props {
  preview: Preview;
  /** A check or the import is running, or the file is imported: the columns are no longer to be changed. */
  busy: boolean;
  savingReport: boolean;
  onMapping(col: string, key: string | null): void;
  onErrorReport(): void;
  /** Check the file again (after a village was added to the tree). */
  onRecheck(): void;
}

/** 第二步: where the header was found, how each column is read (correctable), and every row as the ledger judged it. */
export function PreviewSection({ preview, busy, savingReport, onMapping, onErrorReport, onRecheck }: Props) {
  const errors = preview.counts.错误 ?? 0;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="import-preview">
      <Space wrap size={16}>
        <Typography.Text data-testid="import-header-found">
          工作表“{preview.sheet}”，第 {preview.headerRow} 行是表头
        </Typography.Text>
        {errors > 0 && (
          <Button icon={<FileExcelOutlined />} loading={savingReport} onClick={onErrorReport}>
            下载错误说明
          </Button>
        )}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            表头对照：请逐列核对，没有自动对应上的列可在“导入为”中选择，改动后立即重新检查。
          </Typography.Paragraph>
          <MappingTable preview={preview} disabled={busy} onChange={onMapping} />
        </Col>
        <Col xs={24} xl={14}>
          <PreviewRows preview={preview} busy={busy} onRecheck={onRecheck} />
        </Col>
      </Row>
    </Space>
  );
}
