import { Col, Form, InputNumber, Row, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
import type { StepMeetingSpec } from '../../../../core/members/steps';
import type { MeetingValues, StepValues } from './stepValues';

const PARTS: { key: keyof MeetingValues; label: string }[] = [
  { key: 'expected', label: '应到' },
  { key: 'present', label: '实到' },
  { key: 'for', label: '赞成' },
  { key: 'against', label: '反对' },
  { key: 'abstain', label: '弃权' },
];

interface Props {
  spec: StepMeetingSpec;
  meeting: MeetingValues | undefined;
  feedback: ReactNode;
}

const typed = (n: unknown): n is number => typeof n === 'number';

/** The same hard limits the contract enforces, so a slip is caught at the field before any round trip. */
function arithmetic(key: keyof MeetingValues, required: boolean): Rule[] {
  return [
    ({ getFieldValue }) => ({
      validator: async (_: unknown, value: number | null | undefined) => {
        const m = (getFieldValue('meeting') ?? {}) as MeetingValues;
        const any = PARTS.some((p) => typed(m[p.key]));
        if (!typed(value)) {
          if (required || any) throw new Error('请填写');
          return;
        }
        if (key === 'present' && typed(m.expected) && value > m.expected) throw new Error('多于应到');
        if (key === 'for' && typed(m.present) && value + (m.against ?? 0) + (m.abstain ?? 0) > m.present) throw new Error('票数多于实到');
      },
    }),
  ];
}

export function MeetingFields({ spec, meeting, feedback }: Props) {
  const need = typed(meeting?.expected) ? Math.floor(meeting.expected / 2) + 1 : null;
  const m = meeting ?? {};
  const complete = PARTS.every((p) => typed(m[p.key]));
  const passes = complete && need !== null && m.present! >= need && m.for! >= need && m.present! <= m.expected! && m.for! + m.against! + m.abstain! <= m.present!;
  return (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text strong>
        {spec.body}表决人数
        {!spec.countsRequired && <Typography.Text type="secondary">（有记录的请填写）</Typography.Text>}
      </Typography.Text>
      <Row gutter={8} style={{ marginTop: 8 }}>
        {PARTS.map((p) => (
          <Col key={p.key} flex="1">
            <Form.Item<StepValues>
              name={['meeting', p.key]}
              label={`${p.label}（人）`}
              dependencies={PARTS.map((x) => ['meeting', x.key])}
              rules={arithmetic(p.key, spec.countsRequired)}
              style={{ marginBottom: 4 }}
            >
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        实到人数和赞成人数都须超过应到有表决权人数的半数{need !== null ? `（应到 ${m.expected} 人，须至少 ${need} 人）` : ''}；赞成、反对、弃权合计不多于实到。
      </Typography.Text>
      {passes && (
        <div style={{ color: '#389e0d', fontSize: 13 }} data-testid="meeting-ok">
          表决人数符合要求
        </div>
      )}
      {feedback}
    </div>
  );
}
