import { Card, Col, Form, InputNumber, Radio, Row, Typography } from 'antd';
import { centreConfig } from '../../../../core/centres/config-schema';
import { TagListInput } from '../../components/TagListInput';
import { DateListInput } from './DateListInput';

const listRule = (name: 'fundingSources' | 'rooms') => ({
  validator: (_: unknown, v: string[] | undefined) => {
    const checked = centreConfig.shape[name].safeParse(v ?? []);
    return checked.success ? Promise.resolve() : Promise.reject(new Error(checked.error.issues[0]?.message ?? '列表有误'));
  },
});

const num = (label: string, max = 100000) => [{ required: true, type: 'number' as const, min: 0, max, message: `请填写${label}` }];

/** 资金来源 and 功能室: what the forms offer. Removing an item does not change records that already use it. */
export function ListsCard() {
  return (
    <Card size="small" title="选项列表" extra="删除某项不影响已录入的记录" style={{ marginBottom: 12 }}>
      <Form.Item name="fundingSources" label="资金来源" rules={[listRule('fundingSources')]}>
        <TagListInput label="资金来源" />
      </Form.Item>
      <Form.Item name="rooms" label="功能室" rules={[listRule('rooms')]}>
        <TagListInput label="功能室" />
      </Form.Item>
    </Card>
  );
}

/** The area standards (warnings on save) and the days late that make a centre 滞后 or 严重滞后. */
export function StandardsCard() {
  const box = (name: string[], label: string, unit: string, max?: number) => (
    <Col span={12} key={name.join('.')}>
      <Form.Item name={name} label={label} rules={num(label, max)}>
        <InputNumber min={0} max={max ?? 100000} suffix={unit} style={{ width: 130 }} />
      </Form.Item>
    </Col>
  );
  return (
    <Card size="small" title="建设标准与滞后判定" style={{ marginBottom: 12 }}>
      <Row gutter={12}>
        {box(['standards', 'villageArea'], '村 规划面积不少于', '㎡')}
        {box(['standards', 'communityArea'], '社区 规划面积不少于', '㎡')}
        {box(['standards', 'villageHallArea'], '村 便民服务大厅不少于', '㎡')}
        {box(['standards', 'communityHallArea'], '社区 便民服务大厅不少于', '㎡')}
        {box(['standards', 'expandBelowArea'], '现有面积低于此值建议改扩建', '㎡')}
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name={['thresholds', 'lateDays']} label="滞后：节点逾期超过" rules={[{ required: true, type: 'integer', min: 0, max: 365, message: '0～365 的整数' }]}>
            <InputNumber min={0} max={365} precision={0} suffix="天" style={{ width: 130 }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['thresholds', 'severeDays']} label="严重滞后：逾期超过" rules={[{ required: true, type: 'integer', min: 1, max: 730, message: '1～730 的整数' }]}>
            <InputNumber min={1} max={730} precision={0} suffix="天" style={{ width: 130 }} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** Calendar or working days for the 倒排工期, with the holidays and the weekends worked in exchange. */
export function CalendarCard() {
  return (
    <Card size="small" title="工期日历" style={{ marginBottom: 12 }}>
      <Form.Item name={['calendar', 'mode']} label="工期计算">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'calendar', label: '自然日' },
            { value: 'working', label: '工作日' },
          ]}
        />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        按工作日计算时，周六、周日和下列法定节假日不计，下列调休上班日照常计算。程序已内置 2026 年国务院办公厅公布的节假日安排；以后年度请在国务院公布后在此补充。
      </Typography.Paragraph>
      <Form.Item name={['calendar', 'holidays']} label="法定节假日">
        <DateListInput label="节假日" />
      </Form.Item>
      <Form.Item name={['calendar', 'workdays']} label="调休上班日">
        <DateListInput label="调休上班日" />
      </Form.Item>
    </Card>
  );
}
