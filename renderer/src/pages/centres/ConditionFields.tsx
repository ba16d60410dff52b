import { Alert, Button, Checkbox, Col, Divider, Form, Input, InputNumber, Radio, Row, Space } from 'antd';
import { RENOVATION_TYPES } from '../../../../core/centres/codes';
import type { CentreFormValues } from './centreFormValues';
import type { CentreConfigView } from './types';

const FLAGS = [
  ['isDangerous', '危'],
  ['isOld', '旧'],
  ['isCramped', '狭'],
  ['isSmall', '小'],
] as const;

/** 现状 and 改造类型: a building under the standard's area is suggested 改扩建, never forced. */
export function ConditionFields({ config }: { config: CentreConfigView | null }) {
  const form = Form.useFormInstance<CentreFormValues>();
  const area = Form.useWatch('currentArea', form);
  const type = Form.useWatch('renovationType', form);
  const below = config?.standards.expandBelowArea ?? null;
  const suggest = below !== null && typeof area === 'number' && area < below && type !== '改扩建' && type !== '新建';

  return (
    <>
      <Divider titlePlacement="start" plain style={{ margin: '0 0 8px' }}>
        现状
      </Divider>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="currentArea" label="现有面积">
            <InputNumber min={0} max={100000} suffix="㎡" style={{ width: '100%' }} placeholder="无则不填" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="buildYear" label="建成年份" rules={[{ type: 'integer', min: 1949, max: 2100, message: '请填写 1949～2100 的年份' }]}>
            <InputNumber min={1949} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="危旧狭小">
            <Space size={12}>
              {FLAGS.map(([name, label]) => (
                <Form.Item key={name} name={name} valuePropName="checked" noStyle>
                  <Checkbox>{label}</Checkbox>
                </Form.Item>
              ))}
            </Space>
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="conditionNote" label="现状说明">
            <Input.TextArea rows={1} maxLength={300} placeholder="如：砖木结构，屋面漏水，无便民服务大厅" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="renovationType" label="改造类型" rules={[{ required: true, message: '请选择改造类型' }]} style={{ marginBottom: suggest ? 8 : undefined }}>
            <Radio.Group optionType="button" options={RENOVATION_TYPES.map((t) => ({ value: t, label: t }))} />
          </Form.Item>
          {suggest && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="expand-suggestion"
              title={`现有面积 ${area}㎡ 不足 ${below}㎡，建议改扩建`}
              action={
                <Button size="small" onClick={() => form.setFieldValue('renovationType', '改扩建')}>
                  选改扩建
                </Button>
              }
            />
          )}
        </Col>
      </Row>
    </>
  );
}
