import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { StepNo } from '../../../../core/members/steps';
import { STAGE_NUMERALS, STATUS_COLOR } from './labels';
import { stepHint } from './stepHint';
import type { RecordDetail } from './types';

interface Props {
  detail: RecordDetail;
  readOnly: boolean;
  onBack(): void;
  onEdit(): void;
  /** Deletes a file created by mistake (not 终止培养). */
  onRemove(): void;
  onRecord(no: StepNo): void;
}

export function DetailHeader({ detail: d, readOnly, onBack, onEdit, onRemove, onRecord }: Props) {
  const next = d.steps.find((s) => s.stepNo === d.nextStep);
  const hint = next ? stepHint(next, d.reminders.find((r) => r.step === next.stepNo)) : null;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="record-header">
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 16 }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Space size={12} align="center" wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回列表" />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="record-name">
              {d.personName}
            </Typography.Title>
            <Tag color={STATUS_COLOR[d.status]}>{d.status}</Tag>
            <Typography.Text type="secondary">
              第{STAGE_NUMERALS[d.stage - 1]}阶段 {d.stageName}
            </Typography.Text>
            <Button size="small" type="link" icon={<EditOutlined />} onClick={onEdit}>
              修改基本信息
            </Button>
            <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={onRemove}>
              删除档案
            </Button>
          </Space>
          <Descriptions
            size="small"
            column={4}
            style={{ marginTop: 8 }}
            items={[
              { key: 'unit', label: '村（社区）', children: d.unitName ?? '—' },
              { key: 'branch', label: '党支部', children: d.branchName ?? '—', span: 2 },
              { key: 'id', label: '身份证号', children: d.idNumberMasked },
              { key: 'apply', label: '申请日期', children: d.dates['1'] ?? '—' },
              { key: 'league', label: '共青团员', children: d.leagueMember ? `是${d.leagueRecommendDate ? `（${d.leagueRecommendDate} 推优）` : ''}` : '否' },
              { key: 'end', label: '预备期满', children: d.probationEnd ?? '—' },
              { key: 'age', label: '党龄起算', children: d.partyAgeStart ?? '—' },
            ]}
          />
        </div>
        <div style={{ textAlign: 'right', minWidth: 220 }}>
          {next && !readOnly ? (
            <>
              <Typography.Text type="secondary">下一步</Typography.Text>
              <div style={{ margin: '4px 0 8px' }}>
                {next.stepNo} {next.name}
                {hint && <div style={{ color: hint.status === 'overdue' ? '#cf1322' : hint.status === 'due' ? '#d46b08' : '#8c8c8c', fontSize: 12 }}>{hint.text}</div>}
              </div>
              <Button type="primary" onClick={() => onRecord(next.stepNo as StepNo)}>
                记录：{next.name}
              </Button>
            </>
          ) : (
            <Typography.Text type="secondary">{readOnly ? '档案已结束' : '全部流程节点已完成'}</Typography.Text>
          )}
        </div>
      </div>
    </Card>
  );
}
