import { Image, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Attachment } from '../../../../core/attachments/schemas';
import { call } from '../../api/client';
import { Attachments, mimeOf } from '../../components/Attachments';
import { useNotify } from '../../components/useNotify';

interface Props {
  ownerType: Attachment['ownerType'];
  ownerId: number;
}

interface Thumb {
  id: number;
  fileName: string;
  src: string;
}

const isImage = (name: string) => mimeOf(name).startsWith('image/');

/**
 * 形象进度 photos as thumbnails (click to enlarge), above the usual attachment list for upload and removal. Each
 * picture is read once as base64 when the row is opened: a handful of photos per entry, so no thumbnail store.
 */
export function PhotoThumbs({ ownerType, ownerId }: Props) {
  const { fail } = useNotify();
  const [version, setVersion] = useState(0);
  const [thumbs, setThumbs] = useState<Thumb[]>([]);

  useEffect(() => {
    let live = true;
    call('attachments.list', { ownerType, ownerId })
      .then((items) => Promise.all(items.filter((a) => isImage(a.fileName)).map((a) => call('attachments.read', { id: a.id }))))
      .then((files) => live && setThumbs(files.map((f) => ({ id: f.id, fileName: f.fileName, src: `data:${mimeOf(f.fileName)};base64,${f.base64}` }))))
      .catch(fail);
    return () => {
      live = false;
    };
  }, [ownerType, ownerId, version, fail]);

  return (
    <Space orientation="vertical" size={6} style={{ width: '100%', maxWidth: 640 }} data-testid={`photos-${ownerId}`}>
      {thumbs.length > 0 ? (
        <Image.PreviewGroup>
          <Space size={8} wrap>
            {thumbs.map((t) => (
              <Image key={t.id} src={t.src} alt={t.fileName} width={96} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} />
            ))}
          </Space>
        </Image.PreviewGroup>
      ) : (
        <Typography.Text type="secondary">暂无现场照片</Typography.Text>
      )}
      <Attachments ownerType={ownerType} ownerId={ownerId} uploadLabel="上传照片" onChanged={() => setVersion((v) => v + 1)} />
    </Space>
  );
}
