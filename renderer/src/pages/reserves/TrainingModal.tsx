import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { COLLEGE_TYPE, COST_ITEMS } from '../../../../core/reserves/codes';
import { parseYuan, splitFen } from '../../../../core/reserves/money';
import { ApiError, call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { todayIso } from '../members/labels';
import { notFuture } from '../members/stepValues';
import { fieldErrors, iso, yuan } from './labels';
import type { ReserveConfigView } from './types';
import { asOptions } from './useReserveConfig';

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

interface Values {
  type: string;
  title?: string;
  host?: string;
  startOn: Dayjs | null;
  endOn: Dayjs | null;
  hours: number | null;
  cost?: string;
  fundingSource?: string;
  costItem?: (typeof COST_ITEMS)[number];
}

const FORM_ID = 'reserve-training';
const FIELDS = ['type', 'title', 'host', 'startOn', 'endOn', 'hours', 'fundingSource', 'costItem'] as const;

const yuanRule = {
  validator: (_: unknown, v: string | undefined) =>
    !v?.trim() || parseYuan(v) !== null ? Promise.resolve() : Promise.reject(new Error('请填写金额（元），最多两位小数，如 1000.50')),
};

/** 报名培训: one class for everyone selected, its cost split to the 分 and shown before it is saved. */
export function TrainingModal({ open, reserves, config, onClose, onSaved }: Props) {
  const { message, fail } = useNotify();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { markDirty, guardClose } = useUnsavedGuard(open);
  const type = Form.useWatch('type', form);
  const cost = Form.useWatch('cost', form);
  const costFen = cost?.trim() ? parseYuan(cost) : 0;
  const shares = costFen !== null && costFen > 0 ? splitFen(costFen, reserves.length) : null;
  const college = type === COLLEGE_TYPE;
  const [startLabel, endLabel] = college ? ['入学日期', '毕业日期'] : ['开始日期', '结束日期'];

  const save = async (v: Values) => {
    setSaving(true);
    try {
      const fen = v.cost?.trim() ? (parseYuan(v.cost) ?? 0) : 0;
      await call('reserves.addTraining', {
        type: v.type,
        title: v.title?.trim() || null,
        host: v.host?.trim() || null,
        startOn: iso(v.startOn)!,
        endOn: iso(v.endOn),
        hours: v.hours ?? 0,
        costFen: fen,
        fundingSource: fen > 0 ? (v.fundingSource ?? null) : null,
        costItem: fen > 0 ? (v.costItem ?? null) : null,
        reserveIds: reserves.map((r) => r.id),
      });
      message.success(`已为 ${reserves.length} 人记录培养：${v.type}`);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) form.setFields(fieldErrors(err.fields, FIELDS));
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
      <Form<Values>
        form={form}
        name={FORM_ID}
        layout="vertical"
        preserve={false}
        initialValues={{ type: config?.trainingTypes.includes('集中培训') ? '集中培训' : config?.trainingTypes[0], startOn: dayjs(todayIso()), hours: null }}
        onFinish={save}
        onValuesChange={markDirty}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="type" label="培养类型" rules={[{ required: true, message: '请选择培养类型' }]}>
              <Select autoFocus options={asOptions(config?.trainingTypes)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="title" label={college ? '学校与专业' : '班次名称'}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="host" label={college ? '办学单位' : '主办单位'}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="startOn" label={startLabel} rules={[{ required: true, message: `请填写${startLabel}` }, notFuture(startLabel, todayIso())]}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="endOn" label={endLabel} dependencies={['startOn']} rules={[({ getFieldValue }) => ({ validator: (_, d: Dayjs | null) => (d && getFieldValue('startOn') && d.isBefore(getFieldValue('startOn'), 'day') ? Promise.reject(new Error(`${endLabel}不能早于${startLabel}`)) : Promise.resolve()) })]}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}>
              <InputNumber min={0} max={10000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="cost" label="经费（元）" rules={[yuanRule]} extra="整个班次的总经费，按人分摊到分">
              <Input inputMode="decimal" placeholder="0.00" maxLength={16} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="fundingSource" label="经费来源" rules={[{ required: !!shares, message: '有经费的培训须选择经费来源' }]}>
              <Select allowClear disabled={!shares} options={asOptions(config?.fundingSources)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="costItem" label="经费科目" rules={[{ required: !!shares, message: '有经费的培训须选择经费科目' }]}>
              <Select allowClear disabled={!shares} options={asOptions(COST_ITEMS)} />
            </Form.Item>
          </Col>
        </Row>
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
