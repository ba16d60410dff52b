import { DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { todayIso } from '../members/labels';
import { notFuture } from '../members/stepValues';
import { fieldErrors, iso } from './labels';

interface Values {
  date: Dayjs | null;
  percent: number | null;
  note?: string;
}

interface Props {
  centreId: number;
  open: boolean;
  /** The latest entry, shown beside the box: a lower figure needs a reason (the server's rule). */
  lastPercent: number | null;
  onClose(): void;
  onSaved(): void;
}

const FORM_ID = 'centre-progress';

/** 记录形象进度: a dated percentage; going down needs a note, which the server asks for at the note's field. */
export function ProgressModal({ centreId, open, lastPercent, onClose, onSaved }: Props) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { markDirty, guardClose } = useUnsavedGuard(open);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      await call('centres.addProgress', { centreId, date: iso(v.date)!, percent: v.percent!, note: v.note?.trim() || null });
      message.success(`已记录形象进度 ${v.percent}%`);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) form.setFields(fieldErrors(err.fields, ['date', 'percent', 'note'] as const));
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="记录形象进度"
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }}
      onCancel={guardClose(onClose)}
      destroyOnHidden
    >
      <Form<Values> form={form} name={FORM_ID} layout="vertical" preserve={false} initialValues={{ date: dayjs(todayIso()), percent: null }} onFinish={save} onValuesChange={markDirty}>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请填写日期' }, notFuture('日期', todayIso())]}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="percent"
          label="形象进度"
          extra={lastPercent !== null ? `上次记录 ${lastPercent}%` : '首次记录'}
          rules={[{ required: true, type: 'integer', min: 0, max: 100, message: '请填写 0～100 的整数' }]}
        >
          <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 140 }} autoFocus />
        </Form.Item>
        {/* A rule that always passes re-runs on typing, which clears the server's 须写明原因 once a reason is typed. */}
        <Form.Item name="note" label="说明" extra="进度回退时须写明原因；照片可在保存后按条上传" rules={[{ validator: () => Promise.resolve() }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder="如：主体封顶，开始内部装修" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
