import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { todayIso } from '../members/labels';
import { notFuture } from '../members/stepValues';
import { fieldErrors, iso } from './labels';
import type { MilestoneView } from './types';

interface Values {
  actualOn: Dayjs | null;
  note?: string;
}

interface Props {
  centreId: number;
  milestone: MilestoneView | null;
  onClose(): void;
  onSaved(): void;
}

const FORM_ID = 'milestone-done';

/** 记录完成: the day a milestone was done (not after today), with a note where it was late. */
export function MilestoneDoneModal({ centreId, milestone, onClose, onSaved }: Props) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { markDirty, guardClose } = useUnsavedGuard(!!milestone, milestone?.seq);

  const save = async (v: Values) => {
    if (!milestone) return;
    setSaving(true);
    try {
      await call('centres.recordMilestone', { centreId, seq: milestone.seq, actualOn: iso(v.actualOn), note: v.note?.trim() || null });
      message.success(`已记录：${milestone.name} 完成于 ${iso(v.actualOn)}`);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) form.setFields(fieldErrors(err.fields, ['actualOn', 'note'] as const));
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!milestone}
      title={milestone ? `记录完成：${milestone.name}` : ''}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }}
      onCancel={guardClose(onClose)}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name={FORM_ID}
        layout="vertical"
        preserve={false}
        initialValues={{ actualOn: milestone?.actualOn ? dayjs(milestone.actualOn) : dayjs(todayIso()), note: milestone?.note ?? '' }}
        onFinish={save}
        onValuesChange={markDirty}
      >
        <Form.Item name="actualOn" label="完成日期" extra={milestone && `计划 ${milestone.plannedOn}`} rules={[{ required: true, message: '请填写完成日期' }, notFuture('完成日期', todayIso())]}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} autoFocus />
        </Form.Item>
        <Form.Item name="note" label="说明" extra="逾期完成的可写明原因">
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
