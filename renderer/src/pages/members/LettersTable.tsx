import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Popconfirm, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useRowAttachments } from './RowAttachments';
import { todayIso } from './labels';
import { notFuture } from './stepValues';
import type { RecordDetail } from './types';

type Letter = RecordDetail['review']['letters'][number];

interface Values {
  date: Dayjs | null;
  target: string;
  replyDate: Dayjs | null;
}

/** 函调/外调 letters are saved one by one as they go out, independent of the rest of the review form. */
export function LettersTable({ recordId, letters, onChanged }: { recordId: number; letters: Letter[]; onChanged(): void }) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const scans = useRowAttachments<Letter>('review_letter');

  const add = async (v: Values) => {
    setBusy(true);
    try {
      await call('members.addLetter', { recordId, date: v.date!.format('YYYY-MM-DD'), target: v.target.trim(), replyDate: v.replyDate ? v.replyDate.format('YYYY-MM-DD') : null });
      message.success(`已添加函调：${v.target.trim()}`);
      form.resetFields();
      onChanged();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (l: Letter) => {
    try {
      await call('members.removeLetter', { id: l.id });
      message.success(`已删除函调：${l.target}`);
      onChanged();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <div data-testid="letters">
      <Table<Letter>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={letters}
        locale={{ emptyText: '暂无函调记录' }}
        expandable={scans.expandable}
        columns={[
          { title: '函调日期', dataIndex: 'date', width: 110 },
          { title: '函调单位', dataIndex: 'target', ellipsis: true },
          { title: '回函日期', dataIndex: 'replyDate', width: 110, render: (v: string | null) => v ?? '未回函' },
          {
            title: '',
            key: 'x',
            width: 72,
            render: (_, l) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {scans.button(l, `函调 ${l.target}`, true)}
                <Popconfirm title="删除这条函调记录？" okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => remove(l)}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除函调 ${l.target}`} />
                </Popconfirm>
              </span>
            ),
          },
        ]}
      />
      <Form<Values>
        form={form}
        name="letter"
        layout="inline"
        onFinish={add}
        // The compact row has no room for messages under each box, so the first problem is said once.
        onFinishFailed={({ errorFields }) => message.warning(errorFields[0]?.errors[0] ?? '请补全函调信息')} style={{ marginTop: 8, rowGap: 8 }} aria-label="添加函调">
        <div style={{ display: 'flex', gap: 8, width: '100%' }}>
          <Form.Item name="date" noStyle rules={[{ required: true, message: '请填写函调日期' }, notFuture('函调日期', todayIso())]}>
            <DatePicker format="YYYY-MM-DD" placeholder="函调日期" aria-label="函调日期" style={{ width: 128, flex: 'none' }} />
          </Form.Item>
          <Form.Item name="target" noStyle rules={[{ required: true, whitespace: true, message: '请填写函调单位' }]}>
            <Input placeholder="函调单位" aria-label="函调单位" maxLength={100} style={{ flex: 1, minWidth: 80 }} />
          </Form.Item>
          <Form.Item name="replyDate" noStyle rules={[notFuture('回函日期', todayIso())]}>
            <DatePicker format="YYYY-MM-DD" placeholder="回函日期" aria-label="回函日期" style={{ width: 128, flex: 'none' }} />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={busy}>
            添加
          </Button>
        </div>
      </Form>
    </div>
  );
}
