import { FolderOpenOutlined, MergeCellsOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Empty, List, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { DistrictMerged, DistrictPreview } from '../../../../core/district/schemas';
import type { ReportInfo } from '../../../../core/reports/schemas';
import { call, saveFile } from '../../api/client';
import { readAsBase64 } from '../../components/Attachments';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../components/useJob';
import { useNotify } from '../../components/useNotify';

interface Picked {
  fileName: string;
  base64: string;
  size: number;
}

/** The web server takes at most 28 MB per request; base64 adds a third. */
const MAX_TOTAL_BYTES = 20 * 1024 * 1024;

const LEVEL: Record<DistrictPreview['lines'][number]['level'], { color: string; label: string }> = {
  error: { color: 'red', label: '不能合并' },
  confirm: { color: 'orange', label: '需确认' },
  warning: { color: 'gold', label: '提醒' },
  info: { color: 'default', label: '文件' },
};

/**
 * 区县汇总: the clerk at the district picks the townships' files (or a folder of them), reads the checks, confirms
 * and saves the district's file. Only the files' machine-readable copy is read, never a township's database.
 */
export function DistrictPage() {
  const { message, fail } = useNotify();
  const [reports, setReports] = useState<ReportInfo[]>([]);
  const [reportId, setReportId] = useState<string | null>(null);
  const [files, setFiles] = useState<Picked[]>([]);
  const [preview, setPreview] = useState<DistrictPreview | null>(null);
  const [acceptEdited, setAcceptEdited] = useState(false);
  const previewJob = useJob((s) => {
    if (s.state === '已完成') setPreview(s.result as DistrictPreview);
  });
  const mergeJob = useJob((s) => {
    if (s.state !== '已完成') return;
    const merged = s.result as DistrictMerged;
    void saveFile(merged)
      .then((r) => (r.saved ? message.success({ content: `已保存汇总文件：${r.path ?? r.fileName}（${merged.rowCount} 条记录）`, duration: 8 }) : message.info('已取消保存')))
      .catch(fail);
  });

  useEffect(() => {
    call('reports.list', {}).then(setReports).catch(fail);
  }, [fail]);

  const add = async (picked: File[]) => {
    const xlsx = picked.filter((f) => /\.xlsx$/i.test(f.name) && !f.name.startsWith('~$'));
    if (!xlsx.length) return void message.warning('所选内容中没有 .xlsx 文件。请选择各乡镇（街道）用本台账导出的报表。');
    const total = [...files, ...xlsx].reduce((n, f) => n + ('size' in f ? f.size : 0), 0);
    if (total > MAX_TOTAL_BYTES) return void message.error(`所选文件共 ${(total / 1024 / 1024).toFixed(1)} MB，一次最多 20 MB；请分批合并，或在命令行用 ledger merge。`);
    try {
      const read = await Promise.all(xlsx.map(async (f) => ({ fileName: f.name, base64: await readAsBase64(f), size: f.size })));
      setFiles((old) => [...old.filter((o) => !read.some((r) => r.fileName === o.fileName)), ...read]);
      setPreview(null);
    } catch (err) {
      fail(err);
    }
  };

  const input = () => ({ reportId, files: files.map(({ fileName, base64 }) => ({ fileName, base64 })), acceptEdited });
  const busy = previewJob.running || mergeJob.running;
  const blocked = !preview || !preview.canMerge || (preview.edited.length > 0 && !acceptEdited);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="district-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        区县汇总
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        选择各乡镇（街道）用本台账导出的同一张报表，先逐项检查，再合并为区县的同一张表：统计表逐项相加（每个乡镇一行，下面是区县合计），花名册按乡镇依次排列并加小计，另附“汇总文件清单”和各文件的校验码。
      </Typography.Paragraph>
      <Card size="small" title="第一步：选择文件">
        <Space wrap size={12}>
          <Select
            style={{ minWidth: 280 }}
            aria-label="报表"
            placeholder="报表（不选则按文件自动识别）"
            allowClear
            value={reportId}
            onChange={(v) => {
              setReportId(v ?? null);
              setPreview(null);
            }}
            options={reports.map((r) => ({ value: r.id, label: r.title }))}
          />
          <Upload accept=".xlsx" multiple showUploadList={false} disabled={busy} beforeUpload={(_f, list) => (list[list.length - 1] === _f && void add(list), false)}>
            <Button type="primary" icon={<UploadOutlined />} disabled={busy}>
              选择文件（可多选）
            </Button>
          </Upload>
          <Upload directory showUploadList={false} disabled={busy} beforeUpload={(_f, list) => (list[list.length - 1] === _f && void add(list), false)}>
            <Button icon={<FolderOpenOutlined />} disabled={busy}>
              选择文件夹
            </Button>
          </Upload>
          {files.length > 0 && (
            <Button
              onClick={() => {
                setFiles([]);
                setPreview(null);
              }}
              disabled={busy}
            >
              清空
            </Button>
          )}
        </Space>
        <List
          size="small"
          style={{ marginTop: 12 }}
          locale={{ emptyText: <Empty description="还没有选择文件" /> }}
          dataSource={files}
          renderItem={(f) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="link"
                  size="small"
                  disabled={busy}
                  onClick={() => {
                    setFiles((old) => old.filter((o) => o.fileName !== f.fileName));
                    setPreview(null);
                  }}
                >
                  移除
                </Button>,
              ]}
            >
              {f.fileName}（{(f.size / 1024).toFixed(0)} KB）
            </List.Item>
          )}
        />
        <Button style={{ marginTop: 8 }} disabled={!files.length || busy} onClick={() => void previewJob.start(() => call('district.preview', input()))}>
          检查文件
        </Button>
        <JobProgress job={previewJob} />
        {previewJob.status?.state === '失败' && <Alert type="error" showIcon title={previewJob.status.error?.message ?? previewJob.status.message} description={previewJob.status.error?.hint} />}
      </Card>
      {preview && (
        <Card size="small" title={`第二步：检查结果（${preview.title}）`} data-testid="district-preview">
          <List
            size="small"
            dataSource={preview.lines}
            renderItem={(l) => (
              <List.Item data-level={l.level}>
                <Space align="start">
                  <Tag color={LEVEL[l.level].color}>{LEVEL[l.level].label}</Tag>
                  <span>{l.text}</span>
                </Space>
              </List.Item>
            )}
          />
          {preview.duplicates.length > 0 && (
            <Table
              size="small"
              style={{ marginTop: 12 }}
              title={() => `同一人出现在两个以上乡镇（街道）的文件中：${preview.duplicates.length} 人`}
              rowKey={(d) => `${d.idNumber}|${d.areas.join()}`}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={preview.duplicates}
              columns={[
                { title: '公民身份号码', dataIndex: 'idNumber' },
                { title: '姓名', render: (_, d) => d.names.join('、') },
                { title: '出现在', render: (_, d) => d.areas.join('、') },
              ]}
            />
          )}
        </Card>
      )}
      {preview && (
        <Card size="small" title="第三步：合并并保存">
          <Space orientation="vertical">
            {preview.edited.length > 0 && (
              <Checkbox checked={acceptEdited} onChange={(e) => setAcceptEdited(e.target.checked)}>
                确认合并被改动的文件（{preview.edited.join('、')}）：已与有关乡镇核实
              </Checkbox>
            )}
            {!preview.canMerge && <Alert type="error" showIcon title="有不能合并的问题，请按上面标为“不能合并”的说明移除或更换文件后重新检查。" />}
            <Button type="primary" icon={<MergeCellsOutlined />} disabled={blocked || busy} onClick={() => void mergeJob.start(() => call('district.merge', input()))}>
              合并并保存汇总文件
            </Button>
            <JobProgress job={mergeJob} />
            {mergeJob.status?.state === '失败' && <Alert type="error" showIcon title={mergeJob.status.error?.message ?? mergeJob.status.message} description={mergeJob.status.error?.hint} />}
          </Space>
        </Card>
      )}
    </Space>
  );
}
