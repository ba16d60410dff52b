import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { Unit } from '../../../../core/org/schemas';
import { UNIT_KINDS, type UnitKind } from '../../../../core/people/codes';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';

interface Values {
  name: string;
  kind: UnitKind;
  code?: string | null;
}

interface Props {
  /** null: add a new unit; a Unit: edit it; undefined: closed. */
  unit: Unit | null | undefined;
  onClose(): void;
  onSaved(unit: Unit): void;
}

export function UnitModal({ unit, onClose, onSaved }: Props) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { markDirty, guardClose } = useUnsavedGuard(unit !== undefined, unit);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const input = { name: v.name.trim(), kind: v.kind, code: v.code?.trim() || null };
      const saved = unit ? await call('org.updateUnit', { id: unit.id, ...input }) : await call('org.addUnit', input);
      message.success(unit ? `已修改：${saved.name}` : `已新增：${saved.name}`);
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.fields) {
        form.setFields(Object.entries(err.fields).filter(([k]) => ['name', 'kind', 'code'].includes(k)).map(([k, msg]) => ({ name: k as keyof Values, errors: [msg] })));
      }
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={unit !== undefined}
      title={unit ? `修改：${unit.name}` : '新增村（社区）'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={guardClose(onClose)}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={markDirty}
        initialValues={unit ? { name: unit.name, kind: unit.kind, code: unit.code } : { name: '', kind: '村', code: null }}
      >
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input autoFocus maxLength={60} placeholder="如：新添村" />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item name="code" label="统计代码" extra="选填。统计代码会随年份调整，仅作参考。">
          <Input maxLength={30} />
        </Form.Item>
        {/* Lets Enter in any field submit the modal's form. */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
