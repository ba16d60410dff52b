/**
 * Scanned documents on any record (a 流程节点, a 考察, the 政审 or a 函调): upload, open, remove. Files are copied into
 * the data folder by the core, so the clerk may move or delete the original afterwards.
 */
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Attachment } from '../../../core/attachments/schemas';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES, attachmentTypeOf } from '../../../core/attachments/schemas';
import { call } from '../api/client';
import { useNotify } from './useNotify';

interface Props {
  ownerType: Attachment['ownerType'];
  ownerId: number;
  /** Told after each upload or removal, e.g. so photo thumbnails beside the list follow. */
  onChanged?(): void;
  /** The upload button's words; scans by default. */
  uploadLabel?: string;
}

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`无法读取文件“${file.name}”`));
    reader.readAsDataURL(file);
  });
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Electron opens the file with its Windows program; a browser shows it in a new tab (PDF, pictures) or saves it. */
async function openAttachment(item: Attachment): Promise<void> {
  if (window.ledger) {
    const result = await window.ledger.openAttachment(item.id);
    if (!result.opened) throw new Error(result.error ?? '无法打开附件');
    return;
  }
  const file = await call('attachments.read', { id: item.id });
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeOf(item.fileName) }));
  const link = document.createElement('a');
  link.href = url;
  link.target = '_blank';
  if (mimeOf(item.fileName) === 'application/octet-stream') link.download = item.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** PDFs, pictures and text open in a browser tab; office documents download; anything else is never handed over. */
const IN_TAB = new Set(['pdf', 'jpeg', 'png', 'gif', 'webp', 'bmp', 'text']);

export function mimeOf(name: string): string {
  const type = attachmentTypeOf(name);
  return type && IN_TAB.has(type.kind) ? type.mime : 'application/octet-stream';
}

export function Attachments({ ownerType, ownerId, onChanged, uploadLabel = '上传扫描件' }: Props) {
  const { message, fail } = useNotify();
  const [items, setItems] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);

  const reload = useCallback(() => {
    call('attachments.list', { ownerType, ownerId }).then(setItems).catch(fail);
  }, [ownerType, ownerId, fail]);
  useEffect(reload, [reload]);
  const changed = () => {
    reload();
    onChanged?.();
  };

  const upload = async (file: File) => {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      message.error(`文件“${file.name}”超过 15MB，请压缩扫描件后再上传`);
      return;
    }
    setUploading(true);
    try {
      await call('attachments.add', { ownerType, ownerId, fileName: file.name, base64: await readAsBase64(file) });
      message.success(`已上传：${file.name}`);
      changed();
    } catch (err) {
      fail(err);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4}>
      {items.length > 0 && (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item
              actions={[
                <Popconfirm key="del" title={`删除附件“${item.fileName}”？`} okText="删除" cancelText="取消" onConfirm={() => call('attachments.remove', { id: item.id }).then(changed, fail)}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除附件 ${item.fileName}`} />
                </Popconfirm>,
              ]}
            >
              <Typography.Link onClick={() => openAttachment(item).catch(fail)}>
                <PaperClipOutlined /> {item.fileName}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {sizeText(item.size)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      <Upload
        multiple
        showUploadList={false}
        accept={ATTACHMENT_ACCEPT}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button size="small" icon={<UploadOutlined />} loading={uploading}>
          {uploadLabel}
        </Button>
      </Upload>
    </Space>
  );
}
