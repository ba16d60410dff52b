import { CloudDownloadOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../../core/api/contract';
import { call, saveFile } from '../../api/client';
import { readAsBase64 } from '../../components/Attachments';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../components/useJob';
import { useNotify } from '../../components/useNotify';
import { useSession } from '../../components/session';
import { RotationForm } from './RotationForm';

type Item = MethodOutput<'backup.list'>[number];
type Info = MethodOutput<'backup.inspect'>;
type Source = MethodInput<'backup.inspect'>['source'];

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** 备份与恢复: a backup now (saved where the clerk picks), the automatic ones, a restore after a check and a confirmation. */
export function BackupPage() {
  const { message, fail } = useNotify();
  const { reboot } = useSession();
  const [list, setList] = useState<Item[] | null>(null);
  const [pending, setPending] = useState<{ source: Source; info: Info } | null>(null);
  const [checking, setChecking] = useState(false);

  const reload = useCallback(() => {
    call('backup.list', {}).then(setList, fail);
  }, [fail]);
  useEffect(reload, [reload]);

  const download = async (fileName: string) => {
    try {
      const saved = await saveFile(await call('backup.download', { fileName }));
      if (saved.saved) message.success({ content: `备份已保存：${saved.path ?? saved.fileName}`, duration: 8 });
      else message.info('已取消保存；备份仍在数据文件夹的 backups 中');
    } catch (err) {
      fail(err);
    }
  };

  const backup = useJob((s) => {
    reload();
    const result = s.result as { fileName: string } | undefined;
    if (s.state === '已完成' && result) void download(result.fileName);
  });
  const restore = useJob((s) => {
    if (s.state !== '已完成') return;
    message.success({ content: s.message, duration: 10 });
    setPending(null);
    // The open ledger is another one now: every page reads it afresh.
    void call('app.status', {}).then((status) => reboot(status), () => reboot());
  });
  const busy = backup.running || restore.running;

  const inspect = async (source: Source) => {
    setChecking(true);
    setPending(null);
    try {
      setPending({ source, info: await call('backup.inspect', { source }) });
    } catch (err) {
      fail(err);
    } finally {
      setChecking(false);
    }
  };

  const pick = async (file: File) => {
    try {
      await inspect({ upload: { fileName: file.name, base64: await readAsBase64(file) } });
    } catch (err) {
      fail(err);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="backup-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        备份与恢复
      </Typography.Title>
      <Card title="立即备份" size="small">
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            把数据库和全部附件写成一个 .zip 文件，校验无误后再保存。建议定期另存到 U 盘，放在办公室以外的地方。
          </Typography.Text>
          <Button type="primary" icon={<SaveOutlined />} disabled={busy} onClick={() => void backup.start(() => call('backup.create', {}))}>
            立即备份
          </Button>
          <JobProgress job={backup} />
        </Space>
      </Card>

      <Card title="从备份恢复" size="small">
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text type="secondary">恢复会用备份替换当前的全部数据和附件。恢复之前，程序会先自动备份当前数据，恢复错了也能找回。</Typography.Text>
          <Upload accept=".zip" showUploadList={false} disabled={busy} beforeUpload={(f) => (void pick(f), false)}>
            <Button icon={<UploadOutlined />} loading={checking} disabled={busy}>
              选择备份文件…
            </Button>
          </Upload>
          {pending && (
            <div data-testid="backup-inspect">
              <Alert type="success" showIcon title={`备份文件“${pending.info.fileName}”完整，可以恢复`} style={{ marginBottom: 8 }} />
              <Descriptions size="small" bordered column={2}>
                <Descriptions.Item label="单位">{pending.info.unitName || pending.info.townName}</Descriptions.Item>
                <Descriptions.Item label="备份时间">{pending.info.createdAt}</Descriptions.Item>
                <Descriptions.Item label="类型">{pending.info.kindLabel}</Descriptions.Item>
                <Descriptions.Item label="大小">{sizeText(pending.info.size)}</Descriptions.Item>
                {pending.info.counts.map((c) => (
                  <Descriptions.Item key={c.table} label={c.label}>
                    {c.count}
                  </Descriptions.Item>
                ))}
              </Descriptions>
              <Space style={{ marginTop: 8 }}>
                <Popconfirm
                  title="用这个备份替换当前全部数据？"
                  description={`将恢复到 ${pending.info.createdAt} 的状态；之后录入的内容会被替换（恢复前自动备份当前数据）。`}
                  okText="确定恢复"
                  cancelText="不恢复"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => void restore.start(() => call('backup.restore', { source: pending.source, confirm: true }))}
                >
                  <Button danger type="primary" disabled={busy}>
                    恢复这个备份
                  </Button>
                </Popconfirm>
                <Button onClick={() => setPending(null)} disabled={busy}>
                  不恢复
                </Button>
              </Space>
            </div>
          )}
          <JobProgress job={restore} />
        </Space>
      </Card>

      <Card title="数据文件夹中的备份" size="small" extra={<Typography.Text type="secondary">每天第一次打开、每次导入和恢复之前自动备份</Typography.Text>}>
        <Table<Item>
          size="small"
          rowKey="fileName"
          loading={list === null}
          dataSource={list ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '还没有备份' }}
          columns={[
            { title: '备份时间', dataIndex: 'createdAt' },
            { title: '类型', dataIndex: 'kindLabel' },
            { title: '大小', dataIndex: 'size', render: (v: number) => sizeText(v) },
            {
              title: '操作',
              key: 'actions',
              render: (_: unknown, item) => (
                <Space size={4}>
                  <Button size="small" disabled={busy || checking} onClick={() => void inspect({ fileName: item.fileName })}>
                    恢复…
                  </Button>
                  {item.kind === 'manual' && (
                    <Button size="small" icon={<CloudDownloadOutlined />} onClick={() => void download(item.fileName)}>
                      另存
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <RotationForm />
    </Space>
  );
}
