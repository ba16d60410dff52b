import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useRowAttachments } from './RowAttachments';
import { todayIso } from './labels';
import { notFuture } from './stepValues';
import type { RecordDetail } from './types';

type Item = RecordDetail['periodic'][number];
type Kind = '考察' | '思想汇报';

interface Values {
  kind: Kind;
  date: Dayjs | null;
  summary: string;
}

/** The half-yearly 考察 (R07) and quarterly 思想汇报 (R08) that keep a 积极分子's file alive between steps. */
export function PeriodicPanel({ detail, onChanged }: { detail: RecordDetail; onChanged(): void }) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<Values>();
  const kind: Kind = Form.useWatch('kind', form) ?? '考察';
  const [busy, setBusy] = useState(false);
  const scans = useRowAttachments<Item>('member_periodic');

  const add = async (v: Values) => {
    setBusy(true);
    try {
      await call('members.addPeriodic', { recordId: detail.id, kind: v.kind, date: v.date!.format('YYYY-MM-DD'), summary: v.summary?.trim() || null });
      message.success(`已添加${v.kind}`);
      form.resetFields(['date', 'summary']);
      onChanged();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (item: Item) => {
    try {
      await call('members.removePeriodic', { id: item.id });
      message.success(`已删除${item.kind}：${item.date}`);
      onChanged();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <div data-testid="periodic-panel">
      <Typography.Paragraph type="secondary">
        党支部每半年对入党积极分子考察一次；入党积极分子、发展对象每季度至少递交一次思想汇报。
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        name="periodic"
        layout="inline"
        initialValues={{ kind: '考察' }}
        onFinish={add}
        onFinishFailed={({ errorFields }) => message.warning(errorFields[0]?.errors[0] ?? '请补全信息')}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="kind">
          <Segmented<Kind> options={['考察', '思想汇报']} />
        </Form.Item>
        <Form.Item name="date" rules={[{ required: true, message: '请填写日期' }, notFuture(`${kind}日期`, todayIso())]}>
          <DatePicker format="YYYY-MM-DD" placeholder="日期" aria-label="考察或思想汇报日期" />
        </Form.Item>
        <Form.Item name="summary" style={{ flex: 1, minWidth: 240 }}>
          <Input placeholder="主要内容（可不填）" aria-label="主要内容" maxLength={2000} />
        </Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />} loading={busy}>
          添加
        </Button>
      </Form>
      <Table<Item>
        size="small"
        rowKey="id"
        dataSource={detail.periodic}
        pagination={false}
        locale={{ emptyText: '暂无考察或思想汇报记录' }}
        expandable={scans.expandable}
        columns={[
          { title: '日期', dataIndex: 'date', width: 120 },
          { title: '类别', dataIndex: 'kind', width: 110, render: (k: string) => <Tag color={k === '考察' ? 'blue' : 'cyan'}>{k}</Tag> },
          { title: '主要内容', dataIndex: 'summary', render: (v: string | null) => v ?? '—' },
          {
            title: '操作',
            key: 'x',
            width: 150,
            render: (_, item) => (
              <Space size={4}>
                {scans.button(item, `${item.date} ${item.kind}`)}
                <Popconfirm title={`删除这条${item.kind}记录？`} okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => remove(item)}>
                  <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
