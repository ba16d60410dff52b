import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { MONEY_KINDS, type MoneyKind } from '../../../../core/centres/codes';
import { parseYuan } from '../../../../core/centres/money';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { todayIso } from '../members/labels';
import { notFuture } from '../members/stepValues';
import { yuanRule } from './FundsFields';
import { asOptions, fieldErrors, iso } from './labels';

interface Values {
  kind: MoneyKind;
  source: string | null;
  date: Dayjs | null;
  amount?: string;
  note?: string;
}

interface Props {
  centreId: number;
  open: boolean;
  sources: readonly string[];
  onClose(): void;
  onSaved(): void;
}

const FORM_ID = 'centre-money';

/** 记录资金下拨 or 支付 by 资金来源; going over the plan or the allocation is a warning after saving. */
export function MoneyModal({ centreId, open, sources, onClose, onSaved }: Props) {
  const { message, fail } = useNotify();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { markDirty, guardClose } = useUnsavedGuard(open);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      const out = await call('centres.addMoney', { centreId, kind: v.kind, source: v.source!, date: iso(v.date)!, amountFen: parseYuan(v.amount ?? '') ?? 0, note: v.note?.trim() || null });
      message.success(`已记录资金${v.kind}`);
      if (out.warnings.length) modal.warning({ title: '资金提醒', content: out.warnings.join('；'), okText: '知道了' });
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) {
        const fields = { ...err.fields, ...(err.fields?.amountFen ? { amount: err.fields.amountFen } : {}) };
        form.setFields(fieldErrors(fields, ['source', 'date', 'amount', 'note'] as const));
      }
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="记录资金下拨/支付"
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }}
      onCancel={guardClose(onClose)}
      destroyOnHidden
    >
      <Form<Values> form={form} name={FORM_ID} layout="vertical" preserve={false} initialValues={{ kind: '下拨', source: null, date: dayjs(todayIso()) }} onFinish={save} onValuesChange={markDirty}>
        <Form.Item name="kind" label="类别">
          <Radio.Group optionType="button" options={asOptions(MONEY_KINDS)} />
        </Form.Item>
        <Form.Item name="source" label="资金来源" rules={[{ required: true, message: '请选择资金来源' }]}>
          <Select options={asOptions(sources)} />
        </Form.Item>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请填写日期' }, notFuture('日期', todayIso())]}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="amount" label="金额" rules={[{ required: true, whitespace: true, message: '请填写金额（元）' }, yuanRule]}>
          <Input inputMode="decimal" suffix="元" maxLength={16} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input maxLength={200} placeholder="如：文号、凭证号" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
