import { AutoComplete, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { todayIso } from '../members/labels';
import { notFuture } from '../members/stepValues';
import { fieldErrors, iso } from './labels';
import type { StatusKind } from './ReserveHeader';
import type { ReserveConfigView, ReserveDetail } from './types';
import { asOptions } from './useReserveConfig';

interface Props {
  detail: ReserveDetail;
  kind: StatusKind | null;
  config: ReserveConfigView | null;
  onClose(): void;
  onSaved(): void;
}

interface Values {
  date: Dayjs | null;
  reason?: string;
  post?: string;
}

const FORM_ID = 'reserve-status';
const POSTS = ['村党组织书记', '村委会主任', '村党组织副书记', '村党组织委员', '村委会委员', '村务监督委员会主任'].map((p) => ({ value: p }));

const TITLES: Record<StatusKind, string> = { 任用: '任用', 调整: '调整岗位方向', 出库: '出库', 入库: '入库' };

/** One line of the 动态调整台账: 任用 names the post, 出库 and 调整 say why. */
export function StatusModal({ detail, kind, config, onClose, onSaved }: Props) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const open = kind !== null;
  const { markDirty, guardClose } = useUnsavedGuard(open, kind);
  const reentry = kind === '入库' && detail.row.status === '出库';
  const title = kind ? (reentry ? '重新入库' : TITLES[kind]) : '';

  const save = async (v: Values) => {
    if (!kind) return;
    setSaving(true);
    try {
      await call('reserves.changeStatus', { reserveId: detail.row.id, kind, date: iso(v.date)!, reason: v.reason?.trim() || null, post: v.post?.trim() || null });
      message.success(`已记录：${title}`);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) form.setFields(fieldErrors(err.fields, ['date', 'reason', 'post'] as const));
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`${title}：${detail.row.name}`}
      okText="保存（Enter）"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID, danger: kind === '出库' }}
      onCancel={guardClose(onClose)}
      destroyOnHidden
    >
      <Form<Values> form={form} name={FORM_ID} layout="vertical" preserve={false} initialValues={{ date: dayjs(todayIso()) }} onFinish={save} onValuesChange={markDirty}>
        <Form.Item name="date" label={`${title}日期`} rules={[{ required: true, message: '请填写日期' }, notFuture(`${title}日期`, todayIso())]}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        {kind === '任用' && (
          <Form.Item name="post" label="任用职务" rules={[{ required: true, whitespace: true, message: '请填写任用的职务' }]}>
            <AutoComplete autoFocus options={POSTS} filterOption={(input, o) => String(o?.value ?? '').includes(input)} placeholder="如：村党组织书记" />
          </Form.Item>
        )}
        {kind === '调整' && (
          <Form.Item name="post" label="调整后的岗位方向" extra={`当前：${detail.row.postDirection}`}>
            <Select allowClear options={asOptions(config?.postDirections.filter((p) => p !== detail.row.postDirection))} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={kind === '出库' ? '出库原因' : kind === '调整' ? '调整原因' : '说明'}
          rules={kind === '出库' || kind === '调整' ? [{ required: true, whitespace: true, message: `${kind}须写明原因` }] : []}
        >
          <Input.TextArea autoFocus={kind !== '任用'} rows={2} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
