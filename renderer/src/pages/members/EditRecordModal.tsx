import { Checkbox, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import type { RecordDetail } from './types';
import { BranchSelect } from '../../components/BranchSelect';
import { useBranches } from '../../components/useBranches';

interface Values {
  branchId: number | null;
  leagueMember: boolean;
  leagueRecommendDate: Dayjs | null;
  leavingSoon: boolean;
  note: string | null;
}

/** The file's own facts; the person's name, number and village are edited in the 人员库. */
export function EditRecordModal({ detail, open, onClose, onSaved }: { detail: RecordDetail; open: boolean; onClose(): void; onSaved(): void }) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<Values>();
  const { branches, loaded } = useBranches();
  const [saving, setSaving] = useState(false);
  const league = Form.useWatch('leagueMember', form);
  const { markDirty, guardClose } = useUnsavedGuard(open);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      branchId: detail.branchId,
      leagueMember: detail.leagueMember,
      leagueRecommendDate: detail.leagueRecommendDate ? dayjs(detail.leagueRecommendDate) : null,
      leavingSoon: detail.leavingSoon,
      note: detail.note,
    });
  }, [open, detail, form]);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      await call('members.update', {
        id: detail.id,
        branchId: v.branchId,
        leagueMember: v.leagueMember,
        leagueRecommendDate: v.leagueMember && v.leagueRecommendDate ? v.leagueRecommendDate.format('YYYY-MM-DD') : null,
        leavingSoon: v.leavingSoon,
        note: v.note?.trim() || null,
      });
      message.success('已保存');
      onSaved();
    } catch (err) {
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={`修改基本信息：${detail.personName}`} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={guardClose(onClose)} forceRender>
      <Form<Values> form={form} name="record" layout="vertical" onFinish={save} onValuesChange={markDirty}>
        <Form.Item name="branchId" label="党支部">
          <BranchSelect branches={branches} loaded={loaded} />
        </Form.Item>
        <Form.Item name="leagueMember" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>共青团员</Checkbox>
        </Form.Item>
        {league && (
          <Form.Item name="leagueRecommendDate" label="团组织推优日期">
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="leavingSoon" valuePropName="checked" extra="预计3个月内离开工作、学习单位的，一般不办理接收预备党员手续">
          <Checkbox>预计3个月内离开本单位</Checkbox>
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
