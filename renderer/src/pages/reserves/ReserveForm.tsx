import { Alert, App, Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select, type FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import type { Unit } from '../../../../core/org/schemas';
import { NOMINATION_METHODS, POLITICAL_STATUSES } from '../../../../core/reserves/codes';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { unitOptions } from '../../components/useUnits';
import { todayIso } from '../members/labels';
import { PersonPicker, type PickedPerson } from '../members/PersonPicker';
import { notFuture } from '../members/stepValues';
import { fieldErrors } from './labels';
import { CHAIN_DATES, FORM_FIELDS, emptyValues, toFacts, valuesOf, type ReserveFormValues } from './reserveFormValues';
import type { ReserveConfigView, ReserveDetail } from './types';
import { asOptions } from './useReserveConfig';

interface Props {
  /** undefined: closed; null: a new reserve; a detail: edit it. */
  editing: ReserveDetail | null | undefined;
  units: Unit[];
  config: ReserveConfigView | null;
  onClose(): void;
  onSaved(id: number): void;
}

const FORM_ID = 'reserve-form';
const byLabel = { optionFilterProp: 'label' } as const;

/** Each review-chain date must not be earlier than the one before it that is filled in. */
function chainRule(index: number): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_, value: Dayjs | null) => {
      if (!value) return Promise.resolve();
      if (CHAIN_DATES[index]![0] === 'filedOn' && !getFieldValue('townReviewOn')) return Promise.reject(new Error('备案须在乡镇党委复审之后，请先填写复审日期'));
      for (let i = index - 1; i >= 0; i--) {
        const [name, label] = CHAIN_DATES[i]!;
        const before = getFieldValue(name) as Dayjs | null;
        if (before) return value.isBefore(before, 'day') ? Promise.reject(new Error(`不能早于${label}（${before.format('YYYY-MM-DD')}）`)) : Promise.resolve();
      }
      return Promise.resolve();
    },
  });
}

/** 新增 / 修改后备人才: the person comes from the 人员库; the 入库条件 are warnings shown after saving, never a refusal. */
export function ReserveForm({ editing, units, config, onClose, onSaved }: Props) {
  const { message, fail } = useNotify();
  const { modal } = App.useApp();
  const [form] = Form.useForm<ReserveFormValues>();
  const [saving, setSaving] = useState(false);
  const [existing, setExisting] = useState<number | null>(null);
  const [fromRecord, setFromRecord] = useState<string | null>(null);
  const open = editing !== undefined;
  const { markDirty, guardClose } = useUnsavedGuard(open, editing?.row.id);

  useEffect(() => {
    if (!open) return;
    setExisting(null);
    setFromRecord(editing?.politicalFromRecord ? editing.row.politicalStatus : null);
  }, [open, editing]);

  /** The person's own village is the likely one; a 发展档案 decides the 政治面貌. */
  const pick = (p: PickedPerson | null) => {
    setExisting(null);
    setFromRecord(null);
    if (p?.unitId && !form.getFieldValue('unitId')) form.setFieldValue('unitId', p.unitId);
    if (!p) return;
    call('people.activeRecord', { id: p.id })
      .then((r) => {
        if (r && r.status !== '入党申请人') setFromRecord(r.status);
      })
      .catch(() => undefined);
  };

  const save = async (v: ReserveFormValues) => {
    setSaving(true);
    try {
      const facts = { ...toFacts(v), politicalStatus: fromRecord ? null : v.politicalStatus };
      const out = editing ? await call('reserves.update', { id: editing.row.id, ...facts }) : await call('reserves.create', { personId: v.personId!, ...facts });
      message.success(editing ? '已保存' : '已新增后备人才');
      if (out.warnings.length) {
        modal.warning({
          title: '入库条件提醒',
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
        form.setFields(fieldErrors(err.fields, FORM_FIELDS));
        const id = (err.details as { existingReserveId?: number } | undefined)?.existingReserveId;
        if (id) setExisting(id);
      }
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  const item = (name: keyof ReserveFormValues, label: string, node: ReactNode, rules?: FormRule[], span = 8) => (
    <Col span={span}>
      <Form.Item name={name} label={label} rules={rules}>
        {node}
      </Form.Item>
    </Col>
  );
  const date = <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />;

  return (
    <Modal
      open={open}
      title={editing ? `修改后备人才：${editing.row.name}` : '新增后备人才'}
      okText="保存（Enter）"
      cancelText="取消"
      width={820}
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }}
      onCancel={guardClose(onClose)}
      destroyOnHidden
    >
      <Form<ReserveFormValues>
        form={form}
        name={FORM_ID}
        layout="vertical"
        preserve={false}
        initialValues={editing ? valuesOf(editing) : emptyValues(todayIso())}
        onFinish={save}
        onValuesChange={markDirty}
      >
        <Row gutter={12}>
          {!editing && (
            <Col span={16}>
              <Form.Item name="personId" label="人员" rules={[{ required: true, message: '请从人员库中选择' }]} extra="姓名、身份证号、学历等取自人员库">
                <PersonPicker autoFocus onPick={pick} />
              </Form.Item>
            </Col>
          )}
          {item('unitId', '村（社区）', <Select showSearch={byLabel} options={unitOptions(units)} />, [{ required: true, message: '请选择村（社区）' }])}
          {existing && (
            <Col span={24}>
              <Alert type="info" showIcon style={{ marginBottom: 12 }} title="此人已在后备人才名册中" action={<a onClick={() => onSaved(existing)}>打开其个人页面</a>} />
            </Col>
          )}
          {item('postDirection', '岗位方向', <Select options={asOptions(config?.postDirections)} />, [{ required: true, message: '请选择岗位方向' }])}
          {item('source', '来源类别', <Select options={asOptions(config?.sources)} />, [{ required: true, message: '请选择来源类别' }])}
          <Col span={8}>
            <Form.Item name="crossVillage" label=" " valuePropName="checked">
              <Checkbox>跨村选用</Checkbox>
            </Form.Item>
          </Col>
          <Divider titlePlacement="start" plain style={{ margin: '0 0 8px' }}>
            推荐与审核
          </Divider>
          {item('nominationMethod', '推荐方式', <Select options={asOptions(NOMINATION_METHODS)} />, [{ required: true, message: '请选择推荐方式' }])}
          {item('nominatedBy', '推荐人（单位）', <Input maxLength={60} />)}
          {CHAIN_DATES.map(([name, label], i) =>
            item(name, label, date, [...(i === 0 ? [{ required: true, message: '请填写推荐日期' }] : []), notFuture(label, todayIso()), chainRule(i)]),
          )}
          {item('mentorName', '帮带导师', <Input maxLength={30} />)}
          {item('mentorPost', '导师职务', <Input maxLength={40} />)}
          <Divider titlePlacement="start" plain style={{ margin: '0 0 8px' }}>
            政治面貌与入库条件
          </Divider>
          <Col span={8}>
            <Form.Item name="politicalStatus" label="政治面貌" extra={fromRecord ? `以发展档案为准：${fromRecord === '正式党员' ? '中共党员' : fromRecord}` : '有发展档案的以发展档案为准'}>
              <Select allowClear disabled={!!fromRecord} placeholder="群众" options={asOptions(POLITICAL_STATUSES)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="underDiscipline" label="不得入库情形" valuePropName="checked">
              <Checkbox>正在接受纪律审查或处分影响期内</Checkbox>
            </Form.Item>
          </Col>
          {item('unqualifiedYear', '被评为不合格党员的年份', <InputNumber min={1950} max={2100} style={{ width: '100%' }} placeholder="无则不填" />)}
          {item('note', '备注', <Input.TextArea rows={1} maxLength={500} />, undefined, 24)}
        </Row>
      </Form>
    </Modal>
  );
}
