import { Alert, Button, Checkbox, DatePicker, Form, Input, Modal } from 'antd';
import { todayIso } from './labels';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { PersonPicker, type PickedPerson } from './PersonPicker';
import { BranchSelect } from '../../components/BranchSelect';
import { useBranches } from '../../components/useBranches';
import { notFuture, reasonMessage } from './stepValues';
import type { ViolationView } from './types';

interface Props {
  open: boolean;
  onClose(): void;
  onCreated(recordId: number): void;
}

interface Values {
  personId: number | null;
  branchId: number | null;
  applicationDate: Dayjs | null;
  leagueMember: boolean;
  leagueRecommendDate: Dayjs | null;
  overrideReason?: string;
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** 建档 = 第1个流程节点 (递交入党申请书): the person comes from the 人员库, never typed again here. */
export function CreateRecordModal({ open, onClose, onCreated }: Props) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<Values>();
  const { branches, loaded } = useBranches();
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<{ violations: ViolationView[]; overridable: boolean } | null>(null);
  const [existing, setExisting] = useState<number | null>(null);
  const league = Form.useWatch('leagueMember', form);
  const { markDirty, guardClose } = useUnsavedGuard(open);

  const pick = (p: PickedPerson | null) => {
    setExisting(null);
    // 一村一支部 is the rule in villages, so the person's own village branch is the likely one.
    const own = p?.unitId ? branches.find((b) => b.unitId === p.unitId) : undefined;
    if (own) form.setFieldValue('branchId', own.id);
  };

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const { id } = await call('members.create', {
        personId: v.personId!,
        branchId: v.branchId,
        applicationDate: iso(v.applicationDate)!,
        leagueMember: v.leagueMember,
        leagueRecommendDate: v.leagueMember ? iso(v.leagueRecommendDate) : null,
        overrideReason: v.overrideReason?.trim() || null,
      });
      message.success('已建立发展档案');
      onCreated(id);
    } catch (err) {
      const details = err instanceof ApiError ? (err.details as { violations?: ViolationView[]; overridable?: boolean; existingRecordId?: number } | undefined) : undefined;
      if (details?.violations) {
        // A 党章 condition (R01 年满18岁) or a date error is refused outright: no 特殊情况说明 box is offered for it.
        setRefused({ violations: details.violations, overridable: details.overridable === true });
        if (!details.overridable) form.setFields([{ name: 'applicationDate', errors: details.violations.map((v) => `【${v.ruleId}】${v.message}`) }]);
      } else {
        if (details?.existingRecordId) setExisting(details.existingRecordId);
        fail(err);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="新建发展档案"
      okText="保存并打开（Enter）"
      cancelText="取消"
      confirmLoading={saving}
      // A real submit button tied to the form by id, so Enter in any field saves, as in every other form.
      okButtonProps={{ htmlType: 'submit', form: 'create' }}
      onCancel={guardClose(onClose)}
      destroyOnHidden
      afterClose={() => {
        setRefused(null);
        setExisting(null);
      }}
    >
      <Form<Values>
        form={form}
        name="create"
        layout="vertical"
        preserve={false}
        initialValues={{ applicationDate: dayjs(todayIso()), leagueMember: false, personId: null, branchId: null, leagueRecommendDate: null }}
        onFinish={submit}
        onValuesChange={(changed) => {
          markDirty();
          if (!('overrideReason' in changed)) setRefused(null);
        }}
      >
        <Form.Item name="personId" label="人员" rules={[{ required: true, message: '请从人员库中选择' }]} extra="档案中的姓名、身份证号等取自人员库">
          <PersonPicker autoFocus onPick={pick} />
        </Form.Item>
        {existing && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title="此人已有进行中的发展档案" action={<Button size="small" onClick={() => onCreated(existing)}>打开已有档案</Button>} />
        )}
        <Form.Item name="branchId" label="党支部">
          <BranchSelect branches={branches} loaded={loaded} placeholder="选择人员后自动带出本村党支部" />
        </Form.Item>
        <Form.Item name="applicationDate" label="递交入党申请书日期" rules={[{ required: true, message: '请填写申请日期' }, notFuture('递交入党申请书日期', todayIso())]}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="leagueMember" valuePropName="checked" style={{ marginBottom: league ? 8 : undefined }}>
          <Checkbox>共青团员</Checkbox>
        </Form.Item>
        {league && (
          <Form.Item name="leagueRecommendDate" label="团组织推优日期" extra="28周岁以下的入党积极分子一般须经团组织推优">
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
          </Form.Item>
        )}
        {refused && (
          <>
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="create-refusal"
              title={refused.violations.map((v) => `【${v.ruleId}】${v.message}`).join('；')}
              description={refused.overridable ? undefined : '此项不能以特殊情况说明保存，请核对人员库中的出生日期或申请日期。'}
            />
            {refused.overridable && (
              <Form.Item
                name="overrideReason"
                label="特殊情况说明"
                rules={[{ required: true, whitespace: true, message: reasonMessage([...new Set(refused.violations.map((v) => v.ruleId))]) }]}
              >
                <Input.TextArea autoFocus rows={2} maxLength={500} />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
