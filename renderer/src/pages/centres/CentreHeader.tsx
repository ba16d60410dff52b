import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Progress, Space, Tag, Typography } from 'antd';
import { DECISION_STEPS } from '../../../../core/centres/codes';
import { Attachments } from '../../components/Attachments';
import { riskText } from './centreColumns';
import { STATUS_COLOR, areaText, behindText, wan } from './labels';
import type { CentreDetail } from './types';

interface Props {
  detail: CentreDetail;
  onBack(): void;
  onEdit(): void;
  onRemove(): void;
}

const person = (name: string | null | undefined, phone: string | null | undefined) => (name ? `${name}${phone ? `（${phone}）` : ''}` : '—');

function condition(f: CentreDetail['facts']): string {
  const flags = [f.isDangerous && '危', f.isOld && '旧', f.isCramped && '狭', f.isSmall && '小'].filter(Boolean).join('、');
  const parts = [f.currentArea != null ? `${f.currentArea}㎡` : null, f.buildYear ? `${f.buildYear}年建成` : null, flags ? `存在${flags}` : null];
  return parts.filter(Boolean).join('，') || '—';
}

/** The centre's facts at a glance: status and lateness, the design, who answers for it, and the plans and documents. */
export function CentreHeader({ detail: d, onBack, onEdit, onRemove }: Props) {
  const r = d.row;
  const f = d.facts;
  const risk = riskText(r);
  const decisions = DECISION_STEPS.filter((s) => f.decisionDates?.[s]);
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="centre-header">
      <Space size={12} align="center" wrap>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回列表" />
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="centre-name">
          {r.unitName}
          {f.name ? ` · ${f.name}` : ''}
        </Typography.Title>
        <Tag color={STATUS_COLOR[r.status]} data-testid="centre-status">
          {r.status}
        </Tag>
        <Typography.Text type={r.daysBehind !== null && r.daysBehind > 0 ? 'danger' : 'secondary'} data-testid="centre-behind">
          {behindText(r.daysBehind)}
        </Typography.Text>
        {risk && <Tag color="red">风险：{risk}，晚于要求</Tag>}
        <Button size="small" type="link" icon={<EditOutlined />} onClick={onEdit}>
          编辑
        </Button>
        <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={onRemove}>
          删除
        </Button>
      </Space>
      <Descriptions
        size="small"
        column={4}
        style={{ marginTop: 8 }}
        items={[
          { key: 'type', label: '改造类型', children: f.renovationType },
          { key: 'now', label: '现状', children: condition(f) },
          { key: 'target', label: '规划面积', children: areaText(f.targetArea) },
          { key: 'hall', label: '便民服务大厅', children: areaText(f.hallArea) },
          { key: 'required', label: '要求完成日期', children: f.requiredOn },
          { key: 'next', label: '下一节点', children: r.nextMilestone ? `${r.nextMilestone}（计划 ${r.nextDue}）` : '全部节点已完成' },
          { key: 'progress', label: '形象进度', children: <Progress percent={r.progressPercent} size="small" style={{ width: 160, margin: 0 }} /> },
          { key: 'total', label: '总投资', children: wan(f.totalFen ?? 0) },
          { key: 'contractor', label: '施工单位', children: f.contractor ?? '—' },
          { key: 'leader', label: '包村领导', children: person(f.leaderName, f.leaderPhone) },
          { key: 'resp', label: '责任人', children: person(f.responsibleName, f.responsiblePhone) },
          { key: 'asset', label: '资产登记', children: f.assetRegisteredOn ? `${f.assetRegisteredOn}${f.notEncumbered ? '，未抵押' : ''}` : '—' },
          {
            key: 'rooms',
            label: '功能室',
            span: 2,
            children: f.rooms?.length ? f.rooms.map((x) => `${x.name}${x.area != null ? ` ${x.area}㎡` : ''}`).join('、') : '—',
          },
          {
            key: 'decisions',
            label: '四议两公开',
            span: 2,
            children: decisions.length ? decisions.map((s) => `${s} ${f.decisionDates?.[s]}`).join('；') : '—',
          },
          { key: 'note', label: '现状说明', span: 4, children: f.conditionNote || f.note ? [f.conditionNote, f.note].filter(Boolean).join('；') : '—' },
          {
            key: 'files',
            label: '方案与资料',
            span: 4,
            children: (
              <div style={{ maxWidth: 520 }}>
                <Attachments ownerType="centre" ownerId={r.id} uploadLabel="上传方案、图纸或文件" />
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}
