import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FAILING_RATING, YEAR_RATINGS } from '../../../../core/reserves/codes';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { todayIso } from '../members/labels';
import { fieldErrors, iso } from './labels';
import type { AssessmentView, ReserveDetail } from './types';

type Kind = '季度积分' | '年度考核';

interface Values {
  kind: Kind;
  period: string;
  points: number | null;
  rating: (typeof YEAR_RATINGS)[number] | null;
  warningTalkOn: Dayjs | null;
  note?: string;
}

/** "2026Q1" for the quarter we are in, "2025" for last year's 年度考核: the periods a clerk records most. */
function defaultPeriod(kind: Kind): string {
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  return kind === '季度积分' ? `${year}Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}` : String(year - 1);
}

/** 季度积分 (ranked township-wide, the bottom share gets a 警示提醒谈话) and the 年度考核 (不合格 proposes 出库). */
export function AssessmentsPanel({ detail, onChanged }: { detail: ReserveDetail; onChanged(): void }) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const kind: Kind = Form.useWatch('kind', form) ?? '季度积分';

  const save = async (v: Values) => {
    setBusy(true);
    try {
      const yearly = v.kind === '年度考核';
      await call('reserves.saveAssessment', {
        reserveId: detail.row.id,
        period: v.period.trim().toUpperCase(),
        points: yearly ? null : v.points,
        rating: yearly ? v.rating : null,
        warningTalkOn: iso(v.warningTalkOn),
        note: v.note?.trim() || null,
      });
      message.success(`已记录${v.kind}：${v.period}`);
      form.resetFields(['points', 'rating', 'warningTalkOn', 'note']);
      onChanged();
    } catch (err) {
      if (err instanceof ApiError) form.setFields(fieldErrors(err.fields, ['period', 'points', 'rating', 'warningTalkOn', 'note'] as const));
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const periodRule = kind === '季度积分' ? /^\d{4}Q[1-4]$/i : /^\d{4}$/;
  return (
    <div data-testid="reserve-assessments">
      <Typography.Paragraph type="secondary">同一考核期再次记录会覆盖原记录。季度积分在全乡镇排名，末位的须进行警示提醒谈话；年度考核不合格的，建议出库。</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="assessment"
        layout="inline"
        initialValues={{ kind: '季度积分', period: defaultPeriod('季度积分') }}
        onValuesChange={(changed: Partial<Values>) => changed.kind && form.setFieldsValue({ period: defaultPeriod(changed.kind) })}
        onFinish={save}
        onFinishFailed={({ errorFields }) => message.warning(errorFields[0]?.errors[0] ?? '请补全信息')}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="kind">
          <Segmented<Kind> options={['季度积分', '年度考核']} />
        </Form.Item>
        <Form.Item name="period" rules={[{ required: true, pattern: periodRule, message: kind === '季度积分' ? '考核期应为“2026Q1”形式' : '年度应为“2026”形式' }]}>
          <Input aria-label="考核期" placeholder={kind === '季度积分' ? '2026Q1' : '2026'} style={{ width: 96 }} />
        </Form.Item>
        {kind === '季度积分' ? (
          <Form.Item name="points" rules={[{ required: true, message: '请填写积分' }]}>
            <InputNumber aria-label="积分" placeholder="积分" min={0} max={1000} style={{ width: 96 }} />
          </Form.Item>
        ) : (
          <Form.Item name="rating" rules={[{ required: true, message: '请选择等次' }]}>
            <Select aria-label="等次" placeholder="等次" style={{ width: 110 }} options={YEAR_RATINGS.map((r) => ({ value: r, label: r }))} />
          </Form.Item>
        )}
        <Form.Item name="warningTalkOn">
          <DatePicker aria-label="警示谈话日期" placeholder="警示谈话日期" format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="note" style={{ flex: 1, minWidth: 160 }}>
          <Input aria-label="考核备注" placeholder="备注（可不填）" maxLength={300} />
        </Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />} loading={busy}>
          记录
        </Button>
      </Form>
      <Table<AssessmentView>
        size="small"
        rowKey="id"
        dataSource={detail.assessments}
        pagination={false}
        locale={{ emptyText: '暂无考核记录' }}
        columns={[
          { title: '考核期', dataIndex: 'period', width: 100 },
          { title: '类别', key: 'kind', width: 90, render: (_, a) => (a.period.includes('Q') ? '季度积分' : '年度考核') },
          {
            title: '积分/等次',
            key: 'score',
            width: 110,
            render: (_, a) => (a.rating ? <Tag color={a.rating === FAILING_RATING ? 'red' : a.rating === '优秀' ? 'green' : 'default'}>{a.rating}</Tag> : a.points),
          },
          { title: '警示谈话', dataIndex: 'warningTalkOn', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </div>
  );
}
