import { Alert, DatePicker, Form, Input, Modal, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { scheduleOrderProblem } from '../../../../core/centres/schedule';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { iso } from './labels';
import type { MilestoneView } from './types';

interface Values {
  dates: Record<string, Dayjs | null>;
  reason?: string;
}

interface Props {
  centreId: number;
  milestones: MilestoneView[];
  open: boolean;
  onClose(): void;
  onSaved(): void;
}

const FORM_ID = 'centre-replan';

/** 调整计划: new planned dates for any milestone; the first plan stays as the baseline the chart compares against. */
export function ReplanModal({ centreId, milestones, open, onClose, onSaved }: Props) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { markDirty, guardClose } = useUnsavedGuard(open);
  const dates = Form.useWatch('dates', form);
  const planned = milestones.map((m) => ({ name: m.name, plannedOn: iso(dates?.[m.seq]) ?? m.plannedOn }));
  const order = scheduleOrderProblem(planned);

  const save = async (v: Values) => {
    const changed = milestones
      .map((m) => ({ seq: m.seq, plannedOn: iso(v.dates?.[m.seq]) ?? m.plannedOn }))
      .filter((x) => x.plannedOn !== milestones.find((m) => m.seq === x.seq)!.plannedOn);
    if (!changed.length) return onClose();
    setSaving(true);
    setProblem(null);
    try {
      await call('centres.replan', { centreId, milestones: changed, reason: v.reason?.trim() || null });
      message.success(`已调整 ${changed.length} 个节点的计划日期`);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) setProblem(err.fields?.milestones ?? err.message);
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="调整节点计划"
      okText="保存"
      cancelText="取消"
      width={640}
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID, disabled: !!order }}
      onCancel={guardClose(onClose)}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name={FORM_ID}
        layout="vertical"
        preserve={false}
        initialValues={{ dates: Object.fromEntries(milestones.map((m) => [m.seq, dayjs(m.plannedOn)])) }}
        onFinish={save}
        onValuesChange={markDirty}
      >
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title="最初的计划保留为基线，挂图作战同时显示基线与实际" />
        {(order || problem) && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={order?.message ?? problem} />}
        <Table<MilestoneView>
          size="small"
          rowKey="seq"
          dataSource={milestones}
          pagination={false}
          scroll={{ y: 320 }}
          columns={[
            { title: '节点', dataIndex: 'name' },
            { title: '基线', dataIndex: 'baselineOn', width: 104 },
            { title: '实际', dataIndex: 'actualOn', width: 104, render: (v: string | null) => v ?? '—' },
            {
              title: '计划日期',
              key: 'd',
              width: 170,
              render: (_, m) => (
                <Form.Item name={['dates', String(m.seq)]} noStyle>
                  <DatePicker size="small" format="YYYY-MM-DD" allowClear={false} aria-label={`${m.name}计划日期`} />
                </Form.Item>
              ),
            },
          ]}
        />
        <Form.Item name="reason" label="调整原因" style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} maxLength={300} placeholder="如：招标流标，重新招标" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
