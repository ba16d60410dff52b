import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Space, Table, Tooltip, Typography } from 'antd';
import { COMPLETION_MILESTONE, IN_USE_MILESTONE, START_MILESTONE } from '../../../../core/centres/codes';
import type { SettingsValues } from './settingsValues';

const KEPT = [START_MILESTONE, COMPLETION_MILESTONE, IN_USE_MILESTONE];

/** The milestones of the 倒排工期 with the days each takes after the one before it; the three the status reads stay. */
export function MilestoneSettings() {
  const form = Form.useFormInstance<SettingsValues>();
  const milestones = Form.useWatch('milestones', form) ?? [];
  const mode = Form.useWatch(['calendar', 'mode'], form);
  const total = milestones.reduce((s, m) => s + (m?.days ?? 0), 0);
  return (
    <Card size="small" title="节点与工期" extra={`合计 ${total} ${mode === 'working' ? '个工作日' : '天'}`} style={{ marginBottom: 12 }}>
      <Form.List name="milestones">
        {(fields, { add, remove, move }, { errors }) => (
          <>
            <Table
              size="small"
              rowKey="key"
              dataSource={fields}
              pagination={false}
              data-testid="milestone-settings"
              columns={[
                { title: '序号', key: 'i', width: 52, render: (_, __, i) => i + 1 },
                {
                  title: '节点名称',
                  key: 'name',
                  render: (_, f) => {
                    const kept = KEPT.includes(milestones[f.name]?.name ?? '');
                    return (
                      <Space size={4}>
                        <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true, whitespace: true, message: '请填写节点名称' }]}>
                          <Input size="small" maxLength={20} disabled={kept} aria-label={`第 ${f.name + 1} 个节点名称`} style={{ width: 150 }} />
                        </Form.Item>
                        {kept && (
                          <Tooltip title="状态按此节点判断，不能删除或改名">
                            <LockOutlined style={{ color: '#1677ff' }} />
                          </Tooltip>
                        )}
                      </Space>
                    );
                  },
                },
                {
                  title: '距上一节点',
                  key: 'days',
                  width: 150,
                  render: (_, f, i) => (
                    <Form.Item name={[f.name, 'days']} noStyle rules={[{ required: true, type: 'integer', min: 0, max: 730, message: '0～730 的整数' }]}>
                      <InputNumber size="small" min={0} max={730} precision={0} suffix={mode === 'working' ? '工作日' : '天'} disabled={i === 0} aria-label={`第 ${f.name + 1} 个节点工期`} style={{ width: 120 }} />
                    </Form.Item>
                  ),
                },
                {
                  title: '',
                  key: 'x',
                  width: 104,
                  render: (_, f, i) => (
                    <Space size={0}>
                      <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} aria-label="上移" onClick={() => move(i, i - 1)} />
                      <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} aria-label="下移" onClick={() => move(i, i + 1)} />
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={KEPT.includes(milestones[f.name]?.name ?? '')} aria-label={`删除第 ${i + 1} 个节点`} onClick={() => remove(f.name)} />
                    </Space>
                  ),
                },
              ]}
            />
            <Form.ErrorList errors={errors} />
            <Space style={{ marginTop: 8 }}>
              <Button size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', days: 10 }, Math.max(0, fields.length - 1))}>
                插入节点（在最后一个之前）
              </Button>
            </Space>
            <div>
              <Typography.Text type="secondary">第一个节点没有工期；最后一个节点落在要求完成日期，其余依次倒推。修改只影响以后新建的中心。</Typography.Text>
            </div>
          </>
        )}
      </Form.List>
    </Card>
  );
}
