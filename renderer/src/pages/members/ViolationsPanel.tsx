import { Card, Empty, List, Tag, Tooltip, Typography } from 'antd';
import { stepDef, type StepNo } from '../../../../core/members/steps';
import { LEVEL_COLOR, LEVEL_LABEL, daysLeftText } from './labels';
import type { ReminderView, ViolationView } from './types';

/** What the rules find in this file, errors first, each with the 特殊情况说明 the clerk gave for it. */
export function ViolationsPanel({ violations }: { violations: ViolationView[] }) {
  return (
    <Card size="small" title={`问题（${violations.length}）`} data-testid="violations-panel">
      {violations.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现问题" />
      ) : (
        <List
          size="small"
          dataSource={violations}
          renderItem={(v) => (
            <List.Item style={{ display: 'block', paddingInline: 0 }}>
              <div>
                <Tag>{v.ruleId}</Tag>
                <Tag color={LEVEL_COLOR[v.level]}>{LEVEL_LABEL[v.level]}</Tag>
                {v.hard && (
                  <Tooltip title="党章规定的条件或日期顺序错误：须更正记录，不能以特殊情况说明代替">
                    <Tag color="red">须更正</Tag>
                  </Tooltip>
                )}
                {v.step && <Typography.Text type="secondary">{`${v.step} ${stepDef(v.step as StepNo).name}`}</Typography.Text>}
              </div>
              <div style={{ marginTop: 4 }}>{v.message}</div>
              {v.explanation && <div style={{ marginTop: 2, color: '#874d00' }}>特殊情况说明：{v.explanation}</div>}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** Deadlines of this file, overdue first. */
export function RemindersPanel({ reminders }: { reminders: ReminderView[] }) {
  if (reminders.length === 0) return null;
  return (
    <Card size="small" title="提醒" style={{ marginBottom: 12 }} data-testid="record-reminders">
      <List
        size="small"
        dataSource={reminders}
        renderItem={(r) => (
          <List.Item style={{ paddingInline: 0 }}>
            <div>
              <Tag color={r.status === 'overdue' ? 'red' : r.status === 'due' ? 'orange' : 'default'}>{daysLeftText(r.daysLeft)}</Tag>
              {r.title}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
