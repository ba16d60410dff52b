import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Radio, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { call, saveFile } from '../../api/client';
import { MAX_IMPORT_BYTES as MAX_FILE_BYTES } from '../../../../core/import/schemas';
import { readAsBase64 } from '../../components/Attachments';
import { useNotify } from '../../components/useNotify';
import { KIND_HINT, KIND_LABEL, type ImportKindId, type PickedFile } from './types';


interface Props {
  kind: ImportKindId;
  onKind(kind: ImportKindId): void;
  file: PickedFile | null;
  busy: boolean;
  onFile(file: PickedFile): void;
}

/** 第一步: what the file holds, its blank template, and the file itself (read in the browser, judged by the ledger). */
export function ChooseFileStep({ kind, onKind, file, busy, onFile }: Props) {
  const { message, fail } = useNotify();
  const [saving, setSaving] = useState(false);
  const [reading, setReading] = useState(false);

  const downloadTemplate = async () => {
    setSaving(true);
    try {
      const result = await saveFile(await call('import.template', { kind }));
      if (result.saved) message.success({ content: `已保存模板：${result.path ?? result.fileName}`, duration: 6 });
      else message.info('已取消保存');
    } catch (err) {
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  const pick = async (picked: File) => {
    if (picked.size > MAX_FILE_BYTES) {
      message.error(`文件“${picked.name}”有 ${(picked.size / 1024 / 1024).toFixed(1)} MB，太大了，请拆分为不超过 20 MB 的文件后导入`);
      return;
    }
    setReading(true);
    try {
      onFile({ fileName: picked.name, base64: await readAsBase64(picked) });
    } catch (err) {
      fail(err);
    } finally {
      setReading(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="import-choose">
      <Space wrap size={12} align="center">
        <Typography.Text strong>导入内容</Typography.Text>
        <Radio.Group
          aria-label="导入内容"
          optionType="button"
          value={kind}
          disabled={busy}
          onChange={(e) => onKind(e.target.value as ImportKindId)}
          options={(Object.keys(KIND_LABEL) as ImportKindId[]).map((k) => ({ value: k, label: KIND_LABEL[k] }))}
        />
        <Button icon={<DownloadOutlined />} loading={saving} onClick={() => void downloadTemplate()}>
          下载空白模板
        </Button>
      </Space>
      <Typography.Text type="secondary">{KIND_HINT[kind]}可直接使用各村报来的表格，表头不必与模板一致，下一步可逐列核对。</Typography.Text>
      <Space wrap size={12} align="center">
        <Upload
          accept=".xlsx,.xlsm,.xls,.et,.csv"
          showUploadList={false}
          disabled={busy}
          beforeUpload={(picked) => {
            void pick(picked);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={reading} disabled={busy}>
            {file ? '换一个文件' : '选择 Excel 文件'}
          </Button>
        </Upload>
        {file ? <Typography.Text data-testid="import-file-name">{file.fileName}</Typography.Text> : <Typography.Text type="secondary">支持 .xlsx；.xls、.et、.csv 请先用 WPS/Excel 另存为 .xlsx</Typography.Text>}
      </Space>
    </Space>
  );
}
