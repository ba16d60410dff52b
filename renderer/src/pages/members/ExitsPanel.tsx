import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Popconfirm, Row, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { todayIso } from './labels';
import { notFuture } from './stepValues';
import type { RecordDetail } from './types';

type Exit = RecordDetail['exits'][number];
type Kind = '延长预备期' | '取消预备党员资格' | '终止培养';

interface Values {
  kind: Kind;
  date: Dayjs | null;
  months: number | null;
  meetingDate: Dayjs | null;
  approvalDate: Dayjs | null;
  reason: string | null;
}

const iso = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

/** Which ways out the file's status allows: a 预备党员 is extended or cancelled, anyone earlier is 终止培养. */
function kindsFor(status: string): Kind[] {
  if (status === '预备党员') return ['延长预备期', '取消预备党员资格'];
  if (status === '正式党员' || status.startsWith('已')) return [];
  return ['终止培养'];
}

export function ExitsPanel({ detail, onChanged }: { detail: RecordDetail; onChanged(): void }) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const kinds = kindsFor(detail.status);
  const kind = Form.useWatch('kind', form);

  const add = async (v: Values) => {
    setBusy(true);
    try {
      await call('members.addExit', {
        recordId: detail.id,
        kind: v.kind,
        date: iso(v.date)!,
        months: v.kind === '延长预备期' ? v.months : null,
        meetingDate: iso(v.meetingDate),
        approvalDate: iso(v.approvalDate),
        reason: v.reason?.trim() || null,
      });
      message.success(`已记录：${v.kind}`);
      form.resetFields();
      onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.fields) form.setFields(Object.entries(err.fields).map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] })));
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const undo = async (e: Exit) => {
    try {
      await call('members.removeExit', { id: e.id });
      message.success(`已撤销：${e.kind}`);
      onChanged();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <div data-testid="exits-panel">
      {kinds.length > 0 ? (
        <Form<Values> form={form} name="exit" layout="vertical" initialValues={{ kind: kinds[0] }} onFinish={add} style={{ maxWidth: 760 }}>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="kind" label="事项">
                <Select options={kinds.map((k) => ({ value: k, label: k }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="date" label="决定日期" rules={[{ required: true, message: '请填写日期' }, notFuture(`${kind ?? '决定'}日期`, todayIso())]}>
                <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            {kind === '延长预备期' ? (
              <>
                <Col span={8}>
                  <Form.Item name="months" label="延长月数" rules={[{ required: true, message: '请填写延长的月数' }]} extra="6至12个月">
                    <InputNumber min={6} max={12} precision={0} style={{ width: '100%' }} suffix="个月" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="meetingDate" label="支部大会日期" rules={[notFuture('支部大会日期', todayIso())]}>
                    <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="approvalDate" label="上级党委批准日期" rules={[notFuture('上级党委审批日期', todayIso())]}>
                    <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </>
            ) : null}
            <Col span={kind === '延长预备期' ? 8 : 24}>
              <Form.Item name="reason" label={kind === '延长预备期' ? '原因' : '原因（必填）'} rules={kind === '延长预备期' ? [] : [{ required: true, whitespace: true, message: '请填写原因' }]}>
                <Input.TextArea rows={kind === '延长预备期' ? 1 : 2} maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" danger={kind !== '延长预备期'} htmlType="submit" loading={busy}>
            记录{kind ?? ''}
          </Button>
        </Form>
      ) : (
        <Alert type="info" showIcon title={detail.status === '正式党员' ? '已转为正式党员，无需办理。' : '档案已结束；如属误操作，可在下方撤销。'} />
      )}
      <Table<Exit>
        size="small"
        rowKey="id"
        style={{ marginTop: 16 }}
        dataSource={detail.exits}
        pagination={false}
        locale={{ emptyText: '无延长、取消或终止记录' }}
        columns={[
          { title: '事项', dataIndex: 'kind', width: 150, render: (k: string) => <Tag color={k === '延长预备期' ? 'orange' : 'red'}>{k}</Tag> },
          { title: '决定日期', dataIndex: 'date', width: 110 },
          { title: '延长', dataIndex: 'months', width: 80, render: (m: number | null) => (m ? `${m}个月` : '—') },
          { title: '支部大会', dataIndex: 'meetingDate', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '批准日期', dataIndex: 'approvalDate', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '原因', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
          {
            title: '操作',
            key: 'x',
            width: 80,
            render: (_, e) => (
              <Popconfirm title={`撤销“${e.kind}”记录？`} okText="撤销" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => undo(e)}>
                <Button type="link" size="small" danger>
                  撤销
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </div>
  );
}
