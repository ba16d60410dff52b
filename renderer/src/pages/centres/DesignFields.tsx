import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Col, Divider, Form, InputNumber, Row, Space, Typography } from 'antd';
import type { Unit } from '../../../../core/org/schemas';
import type { CentreFormValues } from './centreFormValues';
import { asOptions } from './labels';
import type { CentreConfigView } from './types';

interface Props {
  config: CentreConfigView | null;
  units: Unit[];
}

/** The standard a village's or a community's centre is held to, by the unit's kind. */
export function standardsFor(config: CentreConfigView | null, unit: Unit | undefined) {
  if (!config) return null;
  const community = unit?.kind === '社区';
  const s = config.standards;
  return { community, area: community ? s.communityArea : s.villageArea, hall: community ? s.communityHallArea : s.villageHallArea };
}

/** 规划面积, the 一厅式便民服务大厅 and the 功能室, each against the standard (a warning, not a refusal). */
export function DesignFields({ config, units }: Props) {
  const form = Form.useFormInstance<CentreFormValues>();
  const unitId = Form.useWatch('unitId', form);
  const target = Form.useWatch('targetArea', form);
  const hall = Form.useWatch('hallArea', form);
  const rooms = Form.useWatch('rooms', form) ?? [];
  const std = standardsFor(config, units.find((u) => u.id === unitId));
  const who = std?.community ? '社区' : '村';
  const warn = (v: unknown, min: number | undefined) => typeof v === 'number' && min !== undefined && v < min;
  const roomSum = rooms.reduce((s, r) => s + (r?.area ?? 0), 0);
  const missing = (config?.rooms ?? []).filter((n) => !rooms.some((r) => r?.name === n));

  return (
    <>
      <Divider titlePlacement="start" plain style={{ margin: '0 0 8px' }}>
        规划设计
      </Divider>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="targetArea"
            label="规划面积"
            extra={std && `${who}标准不少于 ${std.area}㎡`}
            validateStatus={warn(target, std?.area) ? 'warning' : undefined}
            help={warn(target, std?.area) ? `低于${who}标准 ${std?.area}㎡（保存后提醒，不阻止保存）` : undefined}
          >
            <InputNumber min={0} max={100000} suffix="㎡" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="hallArea"
            label="一厅式便民服务大厅面积"
            extra={std && `标准不少于 ${std.hall}㎡`}
            validateStatus={warn(hall, std?.hall) ? 'warning' : undefined}
            help={warn(hall, std?.hall) ? `低于标准 ${std?.hall}㎡（保存后提醒，不阻止保存）` : undefined}
          >
            <InputNumber min={0} max={100000} suffix="㎡" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="功能室" extra={rooms.length ? `功能室合计 ${roomSum}㎡` : '按设置中的功能室名称添加，也可输入其他名称'}>
        <Form.List name="rooms">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" size={6} style={{ width: '100%' }} data-testid="room-list">
              {fields.map((field, i) => (
                <Space key={field.key} size={6}>
                  <Form.Item name={[field.name, 'name']} noStyle rules={[{ required: true, whitespace: true, message: '请填写功能室名称' }]}>
                    <AutoComplete aria-label={`功能室 ${i + 1} 名称`} options={asOptions(config?.rooms)} style={{ width: 180 }} placeholder="功能室名称" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'area']} noStyle>
                    <InputNumber aria-label={`功能室 ${i + 1} 面积`} min={0} max={100000} suffix="㎡" style={{ width: 120 }} placeholder="面积" />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除功能室 ${i + 1}`} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Space size={6}>
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', area: null })}>
                  添加功能室
                </Button>
                {missing.length > 0 && (
                  <Button size="small" onClick={() => missing.forEach((name) => add({ name, area: null }))}>
                    按设置添加全部（{missing.length} 间）
                  </Button>
                )}
              </Space>
              {rooms.length === 0 && <Typography.Text type="secondary">尚未添加功能室</Typography.Text>}
            </Space>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}
