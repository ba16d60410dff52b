import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { COLLEGE_TYPE, COST_ITEMS } from '../../../../core/reserves/codes';
import { todayIso } from '../members/labels';
import { notFuture } from '../members/stepValues';
import { yuanRule } from './trainingValues';
import type { ReserveConfigView } from './types';
import { asOptions } from './useReserveConfig';

interface Props {
  config: ReserveConfigView | null;
  /** The chosen 培养类型: a 大专班 asks for 入学/毕业 and a school instead of a class and its host. */
  type: string | undefined;
  /** A cost is entered: its 经费来源 and 科目 are then required. */
  hasCost: boolean;
  /** Under the cost box; says how the total is split. */
  costExtra: ReactNode;
  /** The total must be typed (editing a class whose total the page cannot know). */
  costRequired?: boolean;
}

/** The facts of one 培养 class, inside the Form of 报名培训 or 修改培养记录. */
export function TrainingFields({ config, type, hasCost, costExtra, costRequired = false }: Props) {
  const college = type === COLLEGE_TYPE;
  const [startLabel, endLabel] = college ? ['入学日期', '毕业日期'] : ['开始日期', '结束日期'];
  const endRule = ({ getFieldValue }: { getFieldValue(name: string): Dayjs | null }) => ({
    validator: (_: unknown, d: Dayjs | null) =>
      d && getFieldValue('startOn') && d.isBefore(getFieldValue('startOn'), 'day') ? Promise.reject(new Error(`${endLabel}不能早于${startLabel}`)) : Promise.resolve(),
  });

  return (
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
        <Form.Item name="endOn" label={endLabel} dependencies={['startOn']} rules={[endRule]}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}>
          <InputNumber min={0} max={10000} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="cost" label="经费（元）" rules={[{ required: costRequired, whitespace: true, message: '请按票据填写整个班次的总经费（无经费填 0）' }, yuanRule]} extra={costExtra}>
          <Input inputMode="decimal" placeholder="0.00" maxLength={16} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="fundingSource" label="经费来源" rules={[{ required: hasCost, message: '有经费的培训须选择经费来源' }]}>
          <Select allowClear disabled={!hasCost} options={asOptions(config?.fundingSources)} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="costItem" label="经费科目" rules={[{ required: hasCost, message: '有经费的培训须选择经费科目' }]}>
          <Select allowClear disabled={!hasCost} options={asOptions(COST_ITEMS)} />
        </Form.Item>
      </Col>
    </Row>
  );
}
