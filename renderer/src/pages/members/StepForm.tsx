import { Alert, Button, Col, DatePicker, Divider, Drawer, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RuleTable } from '../../../../core/members/rule-table';
import { stepDef, type StepNo } from '../../../../core/members/steps';
import { ApiError, call } from '../../api/client';
import { Attachments } from '../../components/Attachments';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { stageTitle, stepLabel, todayIso } from './labels';
import { MeetingFields } from './MeetingFields';
import { stepHint } from './stepHint';
import { StepPeopleFields } from './StepPeopleFields';
import { concerns, fieldGroup, initialValues, notFuture, previewViolations, reasonMessage, reasonRules, toEntry, toInput, type FieldGroup, type StepValues } from './stepValues';
import type { RecordDetail, ViolationView } from './types';
import { ViolationLines, worstStatus } from './ViolationLines';

interface Props {
  detail: RecordDetail;
  /** null: closed. */
  stepNo: StepNo | null;
  table: RuleTable | null;
  onClose(): void;
  onSaved(): void;
  onOpenReview(): void;
}

interface Refusal {
  violations: ViolationView[];
  overridable: boolean;
}

const FORM_ID = 'member-step-form';

export function StepForm({ detail, stepNo, table, onClose, onSaved, onOpenReview }: Props) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<StepValues>();
  const values = Form.useWatch((v: StepValues) => v, form);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const reasonRef = useRef<TextAreaRef>(null);
  const { markDirty, guardClose } = useUnsavedGuard(stepNo !== null, stepNo);
  // While the drawer slides shut stepNo is already null; keep showing the step it was open for.
  const lastNo = useRef<StepNo>(1);
  if (stepNo !== null) lastNo.current = stepNo;
  const no = stepNo ?? lastNo.current;
  const def = stepDef(no);
  const step = detail.steps[no - 1];
  const editing = !!step?.date;
  const hint = step ? stepHint(step, detail.reminders.find((r) => r.step === no)) : null;

  useEffect(() => {
    setRefusal(null);
    if (stepNo === null) return;
    form.resetFields();
    const init = initialValues(stepNo, detail.steps[stepNo - 1]);
    // Step 10's date is the 政审 结论 date where one is recorded: offer it rather than make the clerk retype it.
    if (stepNo === 10 && !init.date && detail.review.conclusionDate) init.date = dayjs(detail.review.conclusionDate);
    form.setFieldsValue(init);
  }, [stepNo, detail, form]);

  const preview = useMemo(
    () => (table && values && stepNo !== null ? previewViolations(detail.ruleInput, stepNo, toEntry(values), table, todayIso()) : []),
    [table, values, stepNo, detail.ruleInput],
  );
  const all = refusal?.violations ?? preview;
  // Faults this date causes on other steps (考察 or 思想汇报 now owed, say) are the record's, not this form's; a hard
  // one (a date out of order with a later step, a 支部大会 before the 政审 结论) is this form's wherever it lands.
  const shown = all.filter((v) => concerns(v, no));
  const elsewhere = all.length - shown.length;
  const groups = (g: FieldGroup) => shown.filter((v) => fieldGroup(v, no) === g);
  // An empty `extra` still takes a line under the field; pass none when there is nothing to say.
  const lines = (g: FieldGroup) => (groups(g).length ? <ViolationLines list={groups(g)} testId={`step-${g}-violations`} /> : undefined);
  const hard = shown.filter((v) => v.level === 'error' && v.hard);
  const needsReview = hard.some((v) => v.ruleId === 'R11');
  // Hard findings block the save outright: the 特殊情况说明 box would only suggest a way round that does not exist.
  const reasonIds = hard.length ? [] : reasonRules(shown, no);
  const reasonRequired = reasonIds.length > 0 || (!!refusal?.overridable && hard.length === 0);
  const reasonVisible = reasonRequired || (!!step?.overrideReason && hard.length === 0);

  useEffect(() => {
    if (refusal?.overridable) setTimeout(() => reasonRef.current?.focus(), 50);
  }, [refusal]);

  const submit = async (v: StepValues) => {
    setSaving(true);
    try {
      await call('members.recordStep', toInput(detail.id, no, v));
      message.success(`已${editing ? '修改' : '记录'}：${stepLabel(no)}`);
      onSaved();
    } catch (err) {
      const details = err instanceof ApiError ? (err.details as Partial<Refusal> | undefined) : undefined;
      if (details?.violations) {
        // The refusal replaces the preview (no message twice); with overridable the 特殊情况说明 box opens and takes focus.
        setRefusal({ violations: details.violations, overridable: details.overridable === true });
      } else {
        if (err instanceof ApiError && err.fields) {
          form.setFields(Object.entries(err.fields).map(([name, msg]) => ({ name: name.split('.') as never, errors: [msg] })));
        }
        fail(err);
      }
    } finally {
      setSaving(false);
    }
  };

  const general = groups('general');
  const title = `${editing ? '修改' : '记录'}流程节点：${stepLabel(no)}`;
  return (
    <Drawer
      open={stepNo !== null}
      title={title}
      size={660}
      onClose={guardClose(onClose)}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={guardClose(onClose)}>取消（Esc）</Button>
          <Button type="primary" htmlType="submit" form={FORM_ID} loading={saving}>
            保存（Enter）
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {detail.personName}　{detail.unitName ?? ''}　{stageTitle(def.stage)}
      </Typography.Paragraph>
      {no === 10 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="政治审查的谈、报、审、定在“政治审查”页填写，结论日期即本流程节点的日期。"
          description={detail.review.conclusionResult ? `已有结论：${detail.review.conclusionResult}（${detail.review.conclusionDate}）` : '尚未记录审查结论。'}
          action={<Button size="small" onClick={onOpenReview}>填写政治审查</Button>}
        />
      )}
      {(general.length > 0 || refusal) && (
        <Alert
          type={refusal ? 'error' : worstStatus(general) === 'error' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={refusal ? '未能保存' : '请注意'}
          description={
            general.length > 0 ? (
              <ViolationLines list={general} testId="step-general-violations" />
            ) : (
              hard.length ? '请按下方栏目中的提示修改：此类问题不能以特殊情况说明保存。' : '请按下方栏目中的提示修改；如确属特殊情况，请填写“特殊情况说明”后再保存。'
            )
          }
          action={needsReview ? <Button size="small" onClick={onOpenReview}>去填写政治审查</Button> : undefined}
        />
      )}
      {elsewhere > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          保存后，其他流程节点还将有 {elsewhere} 条需注意的事项（如考察、思想汇报），可在“问题”栏查看。
        </Typography.Paragraph>
      )}
      <Form<StepValues>
        id={FORM_ID}
        name="step"
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed) => {
          markDirty();
          if (!('overrideReason' in changed)) setRefusal(null);
        }}
      >
        <Form.Item
          name="date"
          label="日期"
          rules={[{ required: true, message: '请填写日期' }, notFuture(`${def.name}日期`, todayIso())]}
          extra={
            hint && !editing ? (
              <>
                <div>{hint.text}</div>
                {lines('date')}
              </>
            ) : (
              lines('date')
            )
          }
        >
          <DatePicker format="YYYY-MM-DD" autoFocus style={{ width: 200 }} status={worstStatus(groups('date'))} placeholder="YYYY-MM-DD" />
        </Form.Item>
        {def.people && <StepPeopleFields spec={def.people} feedback={lines('people')} />}
        {def.meeting && <MeetingFields spec={def.meeting} meeting={values?.meeting} feedback={lines('meeting')} />}
        {def.publicity && (
          <Form.Item name="publicity" label="公示起止日期" extra={lines('publicity')}>
            <PublicityRange />
          </Form.Item>
        )}
        {no === 11 && (
          <>
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item name="trainingDays" label="培训天数" style={{ marginBottom: 4 }}>
                  <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="trainingHours" label="培训学时" style={{ marginBottom: 4 }}>
                  <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <div style={{ marginBottom: 16 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>不少于3天或24学时</Typography.Text>
              {lines('training')}
            </div>
          </>
        )}
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {reasonVisible && (
          <Form.Item
            name="overrideReason"
            label="特殊情况说明"
            rules={reasonRequired ? [{ required: true, whitespace: true, message: reasonMessage(reasonIds.length ? reasonIds : reasonRules(refusal?.violations ?? [], no)) }] : []}
            extra="如确属特殊情况，请写明原因；说明随本流程节点保存，并在花名册和合规检查表中注明。"
          >
            <Input.TextArea ref={reasonRef} rows={2} maxLength={500} />
          </Form.Item>
        )}
      </Form>
      {/* Outside the <Form>: Enter in a field must save the step, never trigger an upload. The scans hang off the
          step's row, which only exists once the step is saved. */}
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        扫描件
      </Divider>
      {step?.id ? <Attachments ownerType="member_step" ownerId={step.id} /> : <Typography.Text type="secondary">保存后可上传扫描件</Typography.Text>}
    </Drawer>
  );
}

function PublicityRange(props: { value?: StepValues['publicity']; onChange?(v: StepValues['publicity']): void; id?: string }) {
  return <DatePicker.RangePicker id={props.id} format="YYYY-MM-DD" value={props.value ?? null} onChange={(v) => props.onChange?.(v as StepValues['publicity'])} placeholder={['公示开始', '公示结束']} />;
}
