import { Col, DatePicker, Divider, Form, Input, Row } from 'antd';
import type { ReactNode } from 'react';
import { DECISION_STEPS } from '../../../../core/centres/codes';
import { todayIso } from '../members/labels';
import { notFuture } from '../members/stepValues';

const phoneRule = { pattern: /^[\d\-+ ]*$/, message: '联系电话只能包含数字和“-”' };

const item = (name: string | string[], label: string, node: ReactNode, span = 6, rules?: object[]) => (
  <Col span={span} key={String(name)}>
    <Form.Item name={name} label={label} rules={rules}>
      {node}
    </Form.Item>
  </Col>
);

/** 施工单位, who answers for the project, and the 四议两公开 dates (none later than today). */
export function ContactsFields() {
  const today = todayIso();
  return (
    <>
      <Divider titlePlacement="start" plain style={{ margin: '0 0 8px' }}>
        实施与责任
      </Divider>
      <Row gutter={12}>
        {item('contractor', '施工单位', <Input maxLength={60} />, 12)}
        {item('name', '项目名称', <Input maxLength={60} placeholder="不填则按村名" />, 12)}
        {item('leaderName', '包村领导', <Input maxLength={30} />)}
        {item('leaderPhone', '包村领导电话', <Input maxLength={30} inputMode="tel" />, 6, [phoneRule])}
        {item('responsibleName', '责任人', <Input maxLength={30} />)}
        {item('responsiblePhone', '责任人电话', <Input maxLength={30} inputMode="tel" />, 6, [phoneRule])}
      </Row>
      <Divider titlePlacement="start" plain style={{ margin: '0 0 8px' }}>
        四议两公开
      </Divider>
      <Row gutter={12}>
        {DECISION_STEPS.map((step) => item(['decisionDates', step], step, <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />, 8, [notFuture(step, today)]))}
      </Row>
    </>
  );
}
