import { Card, Form, InputNumber, Radio, Select } from 'antd';
import { EDUCATION_OPTIONS } from './settingsValues';

/** What the 入库条件提醒 check a new reserve against, and who the quarterly ranking warns. */
export function SettingsRulesCard() {
  return (
    <Card size="small" title="入库条件与考核" extra="只作提醒，不阻止入库" style={{ marginBottom: 12 }}>
      <Form.Item name={['eligibility', 'maxAge']} label="年龄上限" extra="入库时年龄超过上限的给出提醒">
        <Radio.Group
          optionType="button"
          options={[
            { value: 40, label: '40 周岁' },
            { value: 45, label: '45 周岁' },
          ]}
        />
      </Form.Item>
      <Form.Item name={['eligibility', 'minEducationGroup']} label="最低学历" rules={[{ required: true, message: '请选择最低学历' }]}>
        <Select options={EDUCATION_OPTIONS} style={{ width: 160 }} aria-label="入库最低学历" />
      </Form.Item>
      <Form.Item
        name={['eligibility', 'unqualifiedYears']}
        label="不合格党员年限"
        extra="近这么多年内被评为不合格党员的，入库时提醒"
        rules={[{ required: true, type: 'integer', min: 1, max: 10, message: '请填写 1～10 的整数年' }]}
      >
        <InputNumber min={1} max={10} precision={0} suffix="年" style={{ width: 120 }} />
      </Form.Item>
      <Form.Item
        name="warningSharePercent"
        label="季度积分末位比例"
        extra="每季度积分排名在此比例内的，须进行警示提醒谈话"
        rules={[{ required: true, type: 'integer', min: 1, max: 50, message: '请填写 1～50 的整数' }]}
      >
        <InputNumber min={1} max={50} precision={0} suffix="%" style={{ width: 120 }} />
      </Form.Item>
    </Card>
  );
}
