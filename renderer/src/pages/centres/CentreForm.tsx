import { Alert, App, Checkbox, Col, DatePicker, Divider, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { Unit } from '../../../../core/org/schemas';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { unitOptions } from '../../components/useUnits';
import { todayIso } from '../members/labels';
import { notFuture } from '../members/stepValues';
import { emptyValues, formFieldErrors, toFacts, valuesOf, type CentreFormValues } from './centreFormValues';
import { ConditionFields } from './ConditionFields';
import { ContactsFields } from './ContactsFields';
import { DesignFields } from './DesignFields';
import { FundsFields } from './FundsFields';
import { iso } from './labels';
import { ScheduleProposal, useProposal } from './ScheduleProposal';
import type { CentreConfigView, CentreDetail } from './types';

interface Props {
  /** undefined: closed; null: a new centre; a detail: edit it. */
  editing: CentreDetail | null | undefined;
  units: Unit[];
  config: CentreConfigView | null;
  onClose(): void;
  onSaved(id: number): void;
}

const FORM_ID = 'centre-form';
const byLabel = { optionFilterProp: 'label' } as const;

/** 新增 / 修改服务中心. Below-standard areas and an unlikely 改造类型 are warnings after saving, never a refusal. */
export function CentreForm({ editing, units, config, onClose, onSaved }: Props) {
  const { message, fail } = useNotify();
  const { modal } = App.useApp();
  const [form] = Form.useForm<CentreFormValues>();
  const [saving, setSaving] = useState(false);
  const [existing, setExisting] = useState<number | null>(null);
  const open = editing !== undefined;
  const creating = editing === null;
  const { markDirty, guardClose } = useUnsavedGuard(open, editing?.row.id);
  const requiredOn = iso(Form.useWatch('requiredOn', form));
  const proposal = useProposal(open && creating ? requiredOn : null, open && creating);

  useEffect(() => {
    if (open) setExisting(null);
  }, [open]);

  const save = async (v: CentreFormValues) => {
    if (creating && !proposal.accepted) {
      form.setFields([{ name: 'requiredOn', errors: ['请核对下方的倒排工期，点“接受”后再保存'] }]);
      return;
    }
    setSaving(true);
    try {
      const facts = toFacts(v);
      const out = editing
        ? await call('centres.update', { id: editing.row.id, ...facts })
        : await call('centres.create', { ...facts, milestones: proposal.rows.map((r) => ({ seq: r.seq, name: r.name, plannedOn: r.plannedOn })) });
      message.success(editing ? '已保存' : '已新增服务中心改造');
      if (out.warnings.length) {
        modal.warning({
          title: '建设标准提醒',
          content: (
            <ul style={{ paddingInlineStart: 18, margin: 0 }} data-testid="save-warnings">
              {out.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ),
          okText: '知道了',
        });
      }
      onSaved(out.id);
    } catch (err) {
      if (err instanceof ApiError) {
        form.setFields(formFieldErrors(err.fields) as Parameters<typeof form.setFields>[0]);
        const id = (err.details as { existingCentreId?: number } | undefined)?.existingCentreId;
        if (id) setExisting(id);
      }
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? `修改服务中心：${editing.row.unitName}` : '新增服务中心'}
      okText="保存"
      cancelText="取消"
      width={980}
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }}
      onCancel={guardClose(onClose)}
      destroyOnHidden
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      <Form<CentreFormValues>
        form={form}
        name={FORM_ID}
        layout="vertical"
        preserve={false}
        initialValues={editing ? valuesOf(editing) : emptyValues()}
        onFinish={save}
        onValuesChange={markDirty}
        scrollToFirstError
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="unitId" label="村（社区）" rules={[{ required: true, message: '请选择村（社区）' }]}>
              <Select showSearch={byLabel} options={unitOptions(units)} autoFocus={creating} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="requiredOn" label="要求完成日期" rules={[{ required: true, message: '请填写要求完成日期' }]} extra={editing ? '调整各节点计划请到中心页面的“调整计划”' : '填写后按节点工期倒排，给出各节点建议日期'}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {existing && (
            <Col span={24}>
              <Alert type="info" showIcon style={{ marginBottom: 12 }} title="该村（社区）已有服务中心改造记录" action={<a onClick={() => onSaved(existing)}>打开该记录</a>} />
            </Col>
          )}
        </Row>
        {creating && <ScheduleProposal proposal={proposal} />}
        <ConditionFields config={config} />
        <DesignFields config={config} units={units} />
        <FundsFields config={config} />
        <ContactsFields />
        <Divider titlePlacement="start" plain style={{ margin: '0 0 8px' }}>
          资产管理
        </Divider>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="assetRegisteredOn" label="资产登记日期" rules={[notFuture('资产登记日期', todayIso())]}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="notEncumbered" label=" " valuePropName="checked">
              <Checkbox>未用于抵押担保</Checkbox>
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label="备注">
              <Input.TextArea rows={1} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
