import { Alert, Button, Form, Modal } from 'antd';
import { useState } from 'react';
import { splitFen } from '../../../../core/reserves/money';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { fieldErrors, yuan } from './labels';
import { TrainingFields } from './TrainingFields';
import { TRAINING_FIELDS, costFenOf, trainingFacts, trainingValuesOf, type TrainingValues } from './trainingValues';
import type { Enrolment, ReserveConfigView } from './types';

interface Props {
  /** The class to correct, as this reserve's page shows it; null when closed. */
  training: Enrolment | null;
  reserveId: number;
  config: ReserveConfigView | null;
  onClose(): void;
  onSaved(): void;
}

const FORM_ID = 'reserve-training-edit';

/** "333.34 元 × 2 人、333.33 元 × 1 人": a split told by its distinct amounts, the larger first. */
function splitText(shares: number[]): string {
  const counts = new Map<number, number>();
  for (const s of shares) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([fen, n]) => `${yuan(fen)} × ${n} 人`).join('、');
}

/** 修改培养记录: the class's facts; its trainees stay, and a changed cost is split over all of them again. */
export function TrainingEditModal(props: Props) {
  return props.training ? <EditTraining key={props.training.trainingId} {...props} training={props.training} /> : null;
}

function EditTraining({ training: t, reserveId, config, onClose, onSaved }: Props & { training: Enrolment }) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<TrainingValues>();
  const [saving, setSaving] = useState(false);
  const { markDirty, guardClose } = useUnsavedGuard(true, t.trainingId);
  const type = Form.useWatch('type', form);
  const costFen = costFenOf(Form.useWatch('cost', form));
  const shares = costFen !== null && costFen > 0 ? splitFen(costFen, t.classSize) : null;

  const save = async (v: TrainingValues) => {
    setSaving(true);
    try {
      const written = await call('reserves.updateTraining', { id: t.trainingId, ...trainingFacts(v), note: t.note });
      const mine = written.shares.find((s) => s.reserveId === reserveId);
      message.success(`已修改培养记录：${v.type}${mine ? `，本人分摊 ${yuan(mine.costFen)}` : ''}`);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) form.setFields(fieldErrors(err.fields, TRAINING_FIELDS));
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  const costExtra = t.classSize > 1 ? `整个班次 ${t.classSize} 人的总经费，按人分摊到分` : '班次仅本人 1 人，经费全部计入本人';

  return (
    <Modal
      open
      title={`修改培养记录：${t.type}`}
      okText="保存（Enter）"
      cancelText="取消"
      width={720}
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', form: FORM_ID }}
      onCancel={guardClose(onClose)}
      destroyOnHidden
    >
      <Form<TrainingValues> form={form} name={FORM_ID} layout="vertical" preserve={false} initialValues={trainingValuesOf(t)} onFinish={save} onValuesChange={markDirty}>
        <TrainingFields config={config} type={type} hasCost={!!shares} costExtra={costExtra} />
      </Form>
      <Alert
        data-testid="resplit-preview"
        type="info"
        showIcon
        title={
          shares && t.classSize === 1
            ? `经费 ${yuan(costFen!)} 全部计入本人`
            : shares
            ? `经费 ${yuan(costFen!)} 按班次 ${t.classSize} 人重新分摊：${splitText(shares)}`
            : `本班次共 ${t.classSize} 人，修改对同班人员的这条记录都生效${costFen === 0 ? '（无经费）' : ''}`
        }
        description={`本人目前分摊 ${yuan(t.costFen)}${t.classSize > 1 ? '；零头按报名顺序由前几人各多分摊 0.01 元' : ''}`}
      />
    </Modal>
  );
}
