import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Form, Input, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { StepPeopleSpec } from '../../../../core/members/steps';

interface Props {
  spec: StepPeopleSpec;
  feedback: ReactNode;
}

/** 谈话人, 培养联系人 (1–2) or 入党介绍人 (exactly 2), with their 职务 and 电话 on record as clerks asked. */
export function StepPeopleFields({ spec, feedback }: Props) {
  const max = spec.max ?? 10;
  const want = spec.max === spec.min ? `${spec.min}名` : spec.max ? `${spec.min}至${spec.max}名` : '';
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong>
        {spec.role}
        {want && <Typography.Text type="secondary">（{want}{spec.fullMembersOnly ? '正式党员' : ''}）</Typography.Text>}
      </Typography.Text>
      <Form.List name="people">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Row key={field.key} gutter={8} align="middle" style={{ marginTop: 8 }}>
                <Col span={6}>
                  <Form.Item name={[field.name, 'name']} noStyle>
                    <Input placeholder="姓名" aria-label={`${spec.role}${i + 1}姓名`} maxLength={30} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item name={[field.name, 'title']} noStyle>
                    <Input placeholder="职务" aria-label={`${spec.role}${i + 1}职务`} maxLength={40} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[field.name, 'phone']} noStyle>
                    <Input placeholder="电话" aria-label={`${spec.role}${i + 1}电话`} maxLength={30} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[field.name, 'isFullMember']} valuePropName="checked" noStyle>
                    <Checkbox aria-label={`${spec.role}${i + 1}是正式党员`}>正式党员</Checkbox>
                  </Form.Item>
                </Col>
                <Col span={1}>
                  <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={`删除${spec.role}${i + 1}`} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            {fields.length < max && (
              <Button type="dashed" size="small" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({ isFullMember: true })}>
                添加{spec.role}
              </Button>
            )}
          </>
        )}
      </Form.List>
      {feedback}
    </div>
  );
}
