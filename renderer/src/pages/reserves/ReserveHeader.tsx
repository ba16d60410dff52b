import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { ReserveStatus } from '../../../../core/reserves/codes';
import { Attachments } from '../../components/Attachments';
import { STATUS_COLOR, educationText } from './labels';
import type { ReserveDetail } from './types';

export type StatusKind = '调整' | '任用' | '出库' | '入库';

/** What the current status allows, in the words of the 动态调整台账. */
export function statusActions(status: ReserveStatus): { kind: StatusKind; label: string }[] {
  if (status === '在库')
    return [
      { kind: '任用', label: '任用' },
      { kind: '调整', label: '调整岗位方向' },
      { kind: '出库', label: '出库' },
    ];
  if (status === '已任用') return [{ kind: '出库', label: '出库' }];
  if (status === '出库') return [{ kind: '入库', label: '重新入库' }];
  return [
    { kind: '入库', label: '入库' },
    { kind: '出库', label: '出库' },
  ];
}

const masked = (id: string) => (id.length > 10 ? `${id.slice(0, 6)}********${id.slice(-4)}` : id);

interface Props {
  detail: ReserveDetail;
  onBack(): void;
  onEdit(): void;
  onRemove(): void;
  onStatus(kind: StatusKind): void;
}

export function ReserveHeader({ detail: d, onBack, onEdit, onRemove, onStatus }: Props) {
  const r = d.row;
  const f = d.facts;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="reserve-header">
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 16 }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Space size={12} align="center" wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回列表" />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="reserve-name">
              {r.name}
            </Typography.Title>
            <Tag color={STATUS_COLOR[r.status]} data-testid="reserve-status">
              {r.status}
              {r.appointedPost ? `：${r.appointedPost}` : ''}
            </Tag>
            <Typography.Text type="secondary">
              {r.postDirection} · 自 {r.statusOn}
            </Typography.Text>
            <Button size="small" type="link" icon={<EditOutlined />} onClick={onEdit}>
              编辑
            </Button>
            <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={onRemove}>
              删除记录
            </Button>
          </Space>
          <Descriptions
            size="small"
            column={4}
            style={{ marginTop: 8 }}
            items={[
              { key: 'unit', label: '村（社区）', children: `${r.unitName}${f.crossVillage ? '（跨村）' : ''}` },
              { key: 'gender', label: '性别/年龄', children: `${r.gender} / ${r.age} 岁` },
              { key: 'id', label: '身份证号', children: masked(d.person.idNumber) },
              { key: 'edu', label: '学历', children: educationText(r.education) },
              { key: 'pol', label: '政治面貌', children: `${r.politicalStatus}${d.politicalFromRecord ? '（据发展档案）' : ''}` },
              { key: 'source', label: '来源类别', children: r.source },
              { key: 'nom', label: '推荐', children: `${f.nominationMethod}${f.nominatedBy ? `（${f.nominatedBy}）` : ''} ${f.nominatedOn}` },
              { key: 'in', label: '入库（复审）', children: f.townReviewOn ?? '—' },
              { key: 'filed', label: '组织部备案', children: f.filedOn ?? '—' },
              { key: 'mentor', label: '帮带导师', children: f.mentorName ? `${f.mentorName}${f.mentorPost ? `（${f.mentorPost}）` : ''}` : '—' },
              { key: 'phone', label: '联系电话', children: d.person.phone ?? '—' },
              { key: 'job', label: '职业', children: d.person.occupation ?? '—' },
              {
                key: 'files',
                label: '照片与材料',
                span: 4,
                children: (
                  <div style={{ maxWidth: 520 }}>
                    <Attachments ownerType="reserve" ownerId={r.id} />
                  </div>
                ),
              },
            ]}
          />
        </div>
        <div style={{ textAlign: 'right', minWidth: 160 }}>
          <Typography.Text type="secondary">动态调整</Typography.Text>
          <Space orientation="vertical" size={6} style={{ marginTop: 6, display: 'flex', alignItems: 'flex-end' }}>
            {statusActions(r.status).map((a, i) => (
              <Button key={a.kind} type={i === 0 ? 'primary' : 'default'} danger={a.kind === '出库'} onClick={() => onStatus(a.kind)}>
                {a.label}
              </Button>
            ))}
          </Space>
        </div>
      </div>
    </Card>
  );
}
