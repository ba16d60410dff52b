import { Card, Col, Divider, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { yuanRule } from './trainingValues';
import { EDUCATION_OPTIONS, type SettingsValues } from './settingsValues';

const whole = (label: string, min: number, max: number) => ({ required: true, type: 'integer' as const, min, max, message: `请填写${label}（${min}～${max} 的整数）` });

/** The "223"-style plan the 计划与经费 page measures the pool against, and the year's 培养 targets and money. */
export function SettingsPlanCard() {
  const form = Form.useFormInstance<SettingsValues>();
  const types = Form.useWatch('trainingTypes', form) ?? [];

  return (
    <Card size="small" title="计划目标" extra="计划与经费页按此计算各村差额" style={{ marginBottom: 12 }}>
      <Row gutter={12}>
        <Col span={24}>
          <Form.Item name={['plan', 'minPerVillage']} label="每村至少后备人数" rules={[whole('每村至少后备人数', 0, 50)]}>
            <InputNumber min={0} max={50} precision={0} suffix="人" style={{ width: 120 }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={['plan', 'minSecretaryPerVillage']} label="其中书记后备" rules={[whole('书记后备人数', 0, 20)]}>
            <InputNumber min={0} max={20} precision={0} suffix="人" style={{ width: 120 }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={['plan', 'youngSharePercent']} label="35岁及以下占比" rules={[whole('35岁及以下占比', 0, 100)]}>
            <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 120 }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={['plan', 'minEducationGroup']} label="最低学历" rules={[{ required: true, message: '请选择最低学历' }]}>
            <Select options={EDUCATION_OPTIONS} style={{ width: 160 }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={['plan', 'womanPerVillage']} label="每村至少一名女性" valuePropName="checked">
            <Switch checkedChildren="要求" unCheckedChildren="不要求" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={['plan', 'budget']} label="年度培训经费预算" rules={[{ required: true, whitespace: true, message: '请填写年度培训经费预算（元）' }, yuanRule]}>
            <Input inputMode="decimal" suffix="元" maxLength={16} style={{ width: 180 }} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        各培养类型年度目标（人次）
      </Divider>
      <Row gutter={12} data-testid="year-targets">
        {types.map((type) => (
          <Col span={12} key={type}>
            <Form.Item name={['plan', 'yearTargets', type]} label={type} labelCol={{ flex: '104px' }} rules={[{ type: 'integer', min: 0, max: 100000, message: '请填写 0～100000 的整数' }]}>
              <InputNumber min={0} max={100000} precision={0} suffix="人次" placeholder="不设目标" style={{ width: 130 }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary">留空表示该类型不设目标；新增的培养类型在这里设目标。</Typography.Text>
    </Card>
  );
}
