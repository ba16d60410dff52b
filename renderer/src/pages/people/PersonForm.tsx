import { Alert, AutoComplete, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space, type InputRef } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import type { Person } from '../../../../core/people/schemas';
import { EDUCATIONS, ETHNICITIES, GENDERS, HAN_CODE, JOB_POSTS, OCCUPATIONS } from '../../../../core/people/codes';
import { checkIdNumber, normalizeIdNumber } from '../../../../core/people/idcard';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { unitOptions } from '../../components/useUnits';
import type { Unit } from '../../../../core/org/schemas';
import { birthDateMatchesId, genderMatchesId, idNumberRule, phoneRule, toPersonInput, type PersonFormValues } from './personRules';

interface Props {
  /** null: a new person; a number: edit that person; undefined: closed. */
  personId: number | null | undefined;
  /** The page's list, retired ones included: the form's own would be a second call and a second drawing. */
  units: Unit[];
  onClose(): void;
  onSaved(person: Person, created: boolean): void;
  /** Switch the form to another person, e.g. the one already registered under the same number. */
  onOpenPerson(id: number): void;
}

const FORM_ID = 'person-form';
const byLabel = { optionFilterProp: 'label' } as const;

export function PersonForm({ personId, units, onClose, onSaved, onOpenPerson }: Props) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<PersonFormValues>();
  const nameRef = useRef<InputRef>(null);
  const [loaded, setLoaded] = useState<Person | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflictId, setConflictId] = useState<number | null>(null);
  const open = personId !== undefined;
  const { markDirty, guardClose } = useUnsavedGuard(open, personId);

  useEffect(() => {
    setConflictId(null);
    setLoaded(null);
    // Closed: the form is unmounted (destroyOnHidden) and will start from EMPTY next time.
    if (personId === undefined) return;
    form.resetFields();
    if (personId === null) return;
    call('people.get', { id: personId })
      .then((p) => {
        setLoaded(p);
        form.setFieldsValue({
          ...p,
          birthDate: p.birthDate ? dayjs(p.birthDate) : null,
          gender: p.gender as PersonFormValues['gender'],
          occupation: p.occupation as PersonFormValues['occupation'],
        });
        void form.validateFields(['birthDate', 'gender']).catch(() => undefined);
      })
      .catch(fail);
  }, [personId, form, fail]);

  /** A valid number fills what the clerk left empty and re-checks what they filled in. */
  const applyId = (raw: string) => {
    const check = checkIdNumber(raw);
    if (!check.ok) return;
    if (!form.getFieldValue('birthDate')) form.setFieldValue('birthDate', dayjs(check.birthDate));
    if (!form.getFieldValue('gender')) form.setFieldValue('gender', check.gender);
    void form.validateFields(['birthDate', 'gender']).catch(() => undefined);
  };

  const onIdChange = (raw: string) => {
    setConflictId(null);
    const typedEnough = normalizeIdNumber(raw).length >= 18;
    if (typedEnough || form.getFieldError('idNumber').length > 0) void form.validateFields(['idNumber']).catch(() => undefined);
    if (typedEnough) applyId(raw);
  };

  const onIdBlur = () => {
    const raw: string = form.getFieldValue('idNumber') ?? '';
    const normalized = normalizeIdNumber(raw);
    if (normalized !== raw) form.setFieldValue('idNumber', normalized);
    void form.validateFields(['idNumber']).catch(() => undefined);
    applyId(normalized);
  };

  const submit = async (values: PersonFormValues) => {
    setSaving(true);
    try {
      const input = toPersonInput(values);
      const saved = personId ? await call('people.update', { ...input, id: personId }) : await call('people.create', input);
      message.success(`已保存：${saved.name}`);
      onSaved(saved, !personId);
    } catch (err) {
      if (err instanceof ApiError) {
        const known = Object.entries(err.fields ?? {}).filter(([name]) => name in EMPTY);
        form.setFields(known.map(([name, msg]) => ({ name: name as keyof PersonFormValues, errors: [msg] })));
        const existing = (err.details as { existingPersonId?: number } | undefined)?.existingPersonId;
        if (err.code === 'CONFLICT' && existing) setConflictId(existing);
      }
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  const restore = async () => {
    if (!loaded) return;
    try {
      const p = await call('people.restore', { id: loaded.id });
      message.success(`已恢复：${p.name}`);
      onSaved(p, false);
      setLoaded(p);
    } catch (err) {
      fail(err);
    }
  };

  const deleted = !!loaded?.deletedAt;
  return (
    <Drawer
      open={open}
      title={personId ? `修改人员${loaded ? `：${loaded.name}` : ''}` : '新增人员'}
      size={640}
      onClose={guardClose(onClose)}
      destroyOnHidden
      // The drawer moves focus to itself while it slides in; take it back to 姓名 unless the clerk has moved on.
      afterOpenChange={(visible) => visible && !isTyping() && nameRef.current?.focus()}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={guardClose(onClose)}>取消（Esc）</Button>
          <Button type="primary" htmlType="submit" form={FORM_ID} loading={saving} disabled={deleted}>
            保存（Enter）
          </Button>
        </Space>
      }
    >
      {deleted && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="该人员已删除，恢复后才能修改。"
          action={<Button size="small" onClick={restore}>恢复</Button>}
        />
      )}
      <Form<PersonFormValues> id={FORM_ID} form={form} layout="vertical" initialValues={EMPTY} onFinish={submit} onValuesChange={markDirty} disabled={deleted} scrollToFirstError>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
              <Input ref={nameRef} autoFocus maxLength={30} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="idNumber"
              label="公民身份号码"
              validateTrigger="onBlur"
              rules={[idNumberRule]}
              extra={conflictId ? <a onClick={() => onOpenPerson(conflictId)}>查看已登记人员</a> : '填写后自动带出出生日期和性别'}
            >
              <Input maxLength={22} autoComplete="off" onChange={(e) => onIdChange(e.target.value)} onBlur={onIdBlur} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="gender" label="性别" dependencies={['idNumber']} rules={[genderMatchesId(form)]}>
              <Select allowClear options={GENDERS.map((g) => ({ value: g, label: g }))} placeholder="按身份证号自动填写" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="birthDate" label="出生日期" dependencies={['idNumber']} rules={[birthDateMatchesId(form)]}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} placeholder="按身份证号自动填写" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="ethnicity" label="民族" rules={[{ required: true, message: '请选择民族' }]}>
              <Select showSearch={byLabel} options={ETHNICITIES.map((e) => ({ value: e.code, label: e.name }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="education" label="学历">
              <Select allowClear options={EDUCATIONS.map((e) => ({ value: e.code, label: e.name }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="occupation" label="职业">
              <Select allowClear options={OCCUPATIONS.map((o) => ({ value: o, label: o }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="jobPost" label="工作岗位">
              <AutoComplete
                allowClear
                options={JOB_POSTS.map((p) => ({ value: p }))}
                showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input) }}
                placeholder="可选择或直接输入"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unitId" label="所在村（社区）">
              <Select allowClear showSearch={byLabel} options={unitOptions(units)} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label="联系电话" rules={[phoneRule]}>
              <Input maxLength={30} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="hukou" label="户籍地">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label="备注">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

function isTyping(): boolean {
  const el = document.activeElement;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
}

const EMPTY: PersonFormValues = {
  name: '',
  idNumber: '',
  gender: null,
  ethnicity: HAN_CODE,
  birthDate: null,
  education: null,
  occupation: null,
  jobPost: null,
  unitId: null,
  phone: null,
  hukou: null,
  note: null,
};
