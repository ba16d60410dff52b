import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Space, Table, Typography } from 'antd';
import { UNIT_KINDS, type UnitKind } from '../../../../core/people/codes';

export interface DraftUnit {
  key: number;
  name: string;
  kind: UnitKind;
  checked: boolean;
}

interface Props {
  units: DraftUnit[];
  onChange(units: DraftUnit[]): void;
  onBack(): void;
  onNext(): void;
}

export function UnitsStep({ units, onChange, onBack, onNext }: Props) {
  const patch = (key: number, change: Partial<DraftUnit>) => onChange(units.map((u) => (u.key === key ? { ...u, ...change } : u)));
  const addRow = () => onChange([...units, { key: Math.max(0, ...units.map((u) => u.key)) + 1, name: '', kind: '村', checked: true }]);
  const chosen = units.filter((u) => u.checked && u.name.trim());
  const names = chosen.map((u) => u.name.trim());
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);

  return (
    <Form onFinish={() => !duplicate && onNext()}>
      <Typography.Paragraph>
        已选 <Typography.Text strong>{chosen.length}</Typography.Text> 个村（社区）。不属于本单位的请取消勾选，名称可直接修改，名单中没有的请点“添加一行”。
      </Typography.Paragraph>
      <Table<DraftUnit>
        size="small"
        rowKey="key"
        dataSource={units}
        pagination={false}
        scroll={{ y: 380 }}
        locale={{ emptyText: '名单为空，请点下方“添加一行”录入本单位的村（社区）' }}
        columns={[
          {
            title: '纳入',
            width: 64,
            render: (_, u) => <Checkbox checked={u.checked} aria-label={`纳入${u.name}`} onChange={(e) => patch(u.key, { checked: e.target.checked })} />,
          },
          {
            title: '名称',
            render: (_, u) => (
              <Input
                value={u.name}
                placeholder="村（社区）名称"
                status={u.checked && !u.name.trim() ? 'warning' : undefined}
                onChange={(e) => patch(u.key, { name: e.target.value })}
              />
            ),
          },
          {
            title: '类别',
            width: 140,
            render: (_, u) => (
              <Select<UnitKind> value={u.kind} style={{ width: '100%' }} onChange={(kind) => patch(u.key, { kind })} options={UNIT_KINDS.map((k) => ({ value: k, label: k }))} />
            ),
          },
        ]}
      />
      <Button icon={<PlusOutlined />} onClick={addRow} style={{ marginTop: 12 }}>
        添加一行
      </Button>
      {duplicate && (
        <Typography.Paragraph type="danger" style={{ marginTop: 12 }}>
          名称重复：{duplicate}，请修改或取消勾选其中一个。
        </Typography.Paragraph>
      )}
      <Space style={{ marginTop: 24, display: 'flex' }}>
        <Button onClick={onBack}>上一步</Button>
        {/* Focused on arrival so Enter moves on, as on the other steps. */}
        <Button type="primary" htmlType="submit" size="large" disabled={!!duplicate} autoFocus>
          下一步
        </Button>
      </Space>
    </Form>
  );
}
