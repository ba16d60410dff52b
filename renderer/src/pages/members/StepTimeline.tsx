import { Button, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { STAGES, type StepNo } from '../../../../core/members/steps';
import { stageTitle } from './labels';
import { stepHint as hint } from './stepHint';
import type { ReminderView, StepView } from './types';

interface Props {
  steps: StepView[];
  reminders: ReminderView[];
  nextStep: number | null;
  /** Ended files (终止培养, 取消资格) are read-only. */
  readOnly: boolean;
  onOpen(no: StepNo): void;
  onUndo(step: StepView): void;
}

// The core drops a step's scans with the step, and 恢复 records it afresh without them: say so before, not after.
const UNDO_SCANS = '如已上传扫描件，将一并移除，恢复后需重新上传。';

const COLOR = { done: 'green', overdue: 'red', due: 'orange', todo: 'gray' } as const;

function meetingText(m: NonNullable<StepView['meeting']>): string {
  return `应到${m.expected} 实到${m.present} 赞成${m.for} 反对${m.against} 弃权${m.abstain}`;
}

function Details({ step }: { step: StepView }) {
  const lines: string[] = [];
  if (step.people.length) lines.push(step.people.map((p) => [p.name, p.title].filter(Boolean).join('·') + (p.isFullMember === false ? '（非正式党员）' : '')).join('、'));
  if (step.meeting) lines.push(meetingText(step.meeting));
  if (step.publicity) lines.push(`公示 ${step.publicity.from} 至 ${step.publicity.to}`);
  if (step.training) lines.push(`培训 ${step.training.days ?? 0} 天 / ${step.training.hours ?? 0} 学时`);
  if (step.note) lines.push(`备注：${step.note}`);
  return (
    <>
      {lines.map((l) => (
        <div key={l} style={{ color: '#595959', fontSize: 13 }}>
          {l}
        </div>
      ))}
      {step.overrideReason && (
        <div style={{ fontSize: 13, color: '#874d00', background: '#fffbe6', padding: '2px 6px', marginTop: 2, borderRadius: 4 }}>特殊情况说明：{step.overrideReason}</div>
      )}
    </>
  );
}

/** All 25 流程节点 under their five stages: green done, red overdue, orange due, grey not yet. */
export function StepTimeline({ steps, reminders, nextStep, readOnly, onOpen, onUndo }: Props) {
  return (
    <div data-testid="step-timeline">
      {STAGES.map((stage) => (
        <section key={stage.no} aria-label={stageTitle(stage.no)} style={{ marginTop: stage.no === 1 ? 0 : 16 }}>
          <Typography.Title level={5} style={{ margin: '4px 0 12px', color: '#1f1f1f' }}>
            {stageTitle(stage.no)}
          </Typography.Title>
          <Timeline
            items={stage.steps.map((no) => {
              const s = steps[no - 1]!;
              const done = s.status === 'done';
              const h = hint(s, reminders.find((r) => r.step === no));
              const status = h?.status ?? s.status;
              return {
                key: no,
                color: COLOR[status],
                content: (
                  <div data-testid={`step-${no}`} style={{ paddingBottom: 2 }}>
                    <Space size={8} wrap>
                      <Button type="link" size="small" style={{ padding: 0, fontWeight: 500, height: 'auto' }} disabled={readOnly} onClick={() => onOpen(no)}>
                        {no} {s.name}
                      </Button>
                      {done && <span style={{ fontVariantNumeric: 'tabular-nums' }}>{s.date}</span>}
                      {h && (status === 'todo' ? <Typography.Text type="secondary">{h.text}</Typography.Text> : <Tag color={status === 'overdue' ? 'red' : 'orange'}>{h.text}</Tag>)}
                      {no === nextStep && !readOnly && <Tag color="blue">下一步</Tag>}
                      {done && !readOnly && no !== 1 && (
                        <Popconfirm title={`撤销“${s.name}”的记录？`} description={UNDO_SCANS} okText="撤销" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => onUndo(s)}>
                          <Button type="link" size="small" style={{ padding: 0, height: 'auto', color: '#8c8c8c', fontSize: 12 }}>
                            撤销
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                    {done && <Details step={s} />}
                  </div>
                ),
              };
            })}
          />
        </section>
      ))}
    </div>
  );
}
