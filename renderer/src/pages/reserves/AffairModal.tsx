import { DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { todayIso } from '../members/labels';
import { notFuture } from '../members/stepValues';
import { fieldErrors, iso } from './labels';
import type { Picked } from './TrainingModal';
import type { ReserveConfigView } from './types';
import { asOptions } from './useReserveConfig';

interface Props {
  open: boolean;
  reserves: Picked[];
  config: ReserveConfigView | null;
  onClose(): void;
  onSaved(): void;
}

interface Values {
  date: Dayjs | null;
  affairType: string;
  description?: string;
}

const FORM_ID = 'reserve-affair';

/** 参与村级事务: one line for everyone who took part. */
export function AffairModal({ open, reserves, config, onClose, onSaved }: Props) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { markDirty, guardClose } = useUnsavedGuard(open);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      await call('reserves.addAffair', { date: iso(v.date)!, affairType: v.affairType, description: v.description?.trim() || null, reserveIds: reserves.map((r) => r.id) });
      message.success(`已为 ${reserves.length} 人记录村级事务：${v.affairType}`);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) form.setFields(fieldErrors(err.fields, ['date', 'affairType', 'description'] as const));
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`记录村级事务（${reserves.length} 人）`}
      okText="保存（Enter）"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }}
      onCancel={guardClose(onClose)}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">参与人员：{reserves.map((r) => r.name).join('、')}</Typography.Paragraph>
      <Form<Values> form={form} name={FORM_ID} layout="vertical" preserve={false} initialValues={{ date: dayjs(todayIso()) }} onFinish={save} onValuesChange={markDirty}>
        <Form.Item name="date" label="参与日期" rules={[{ required: true, message: '请填写日期' }, notFuture('参与日期', todayIso())]}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="affairType" label="事务类型" rules={[{ required: true, message: '请选择事务类型' }]}>
          <Select autoFocus showSearch={{ optionFilterProp: 'label' }} options={asOptions(config?.affairTypes)} />
        </Form.Item>
        <Form.Item name="description" label="具体内容">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
