import { Alert, Form, Modal, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { splitFen } from '../../../../core/reserves/money';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { todayIso } from '../members/labels';
import { TrainingFields } from './TrainingFields';
import { TRAINING_FIELDS, costFenOf, trainingFacts, type TrainingValues } from './trainingValues';
import { fieldErrors, yuan } from './labels';
import type { ReserveConfigView } from './types';

export interface Picked {
  id: number;
  name: string;
}

interface Props {
  open: boolean;
  /** In the order the shares are split: the first ones take the remainder. */
  reserves: Picked[];
  config: ReserveConfigView | null;
  onClose(): void;
  onSaved(): void;
}

const FORM_ID = 'reserve-training';

/** 报名培训: one class for everyone selected, its cost split to the 分 and shown before it is saved. */
export function TrainingModal({ open, reserves, config, onClose, onSaved }: Props) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<TrainingValues>();
  const [saving, setSaving] = useState(false);
  const { markDirty, guardClose } = useUnsavedGuard(open);
  const type = Form.useWatch('type', form);
  const costFen = costFenOf(Form.useWatch('cost', form));
  const shares = costFen !== null && costFen > 0 ? splitFen(costFen, reserves.length) : null;

  const save = async (v: TrainingValues) => {
    setSaving(true);
    try {
      await call('reserves.addTraining', { ...trainingFacts(v), reserveIds: reserves.map((r) => r.id) });
      message.success(`已为 ${reserves.length} 人记录培养：${v.type}`);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) form.setFields(fieldErrors(err.fields, TRAINING_FIELDS));
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`报名培训（${reserves.length} 人）`}
      okText="保存（Enter）"
      cancelText="取消"
      width={720}
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }}
      onCancel={guardClose(onClose)}
      destroyOnHidden
    >
      <Form<TrainingValues>
        form={form}
        name={FORM_ID}
        layout="vertical"
        preserve={false}
        initialValues={{ type: config?.trainingTypes.includes('集中培训') ? '集中培训' : config?.trainingTypes[0], startOn: dayjs(todayIso()), hours: null }}
        onFinish={save}
        onValuesChange={markDirty}
      >
        <TrainingFields config={config} type={type} hasCost={!!shares} costExtra="整个班次的总经费，按人分摊到分" />
      </Form>
      {shares ? (
        <Table
          data-testid="split-preview"
          size="small"
          rowKey="id"
          pagination={reserves.length > 8 ? { pageSize: 8, size: 'small' } : false}
          title={() => `每人分摊经费（合计 ${yuan(costFen!)}）`}
          dataSource={reserves.map((r, i) => ({ ...r, fen: shares[i]! }))}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '分摊经费（元）', dataIndex: 'fen', align: 'right', render: (f: number) => yuan(f) },
          ]}
        />
      ) : (
        <Alert type="info" showIcon title={`报名人员：${reserves.map((r) => r.name).join('、')}`} />
      )}
    </Modal>
  );
}
