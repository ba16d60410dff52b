import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Space, Table, Typography } from 'antd';
import { defaultBranchName } from '../../../../core/org/names';
import { UNIT_KINDS, type UnitKind } from '../../../../core/people/codes';

export interface DraftUnit {
  key: number;
  name: string;
  kind: UnitKind;
  checked: boolean;
  /** The 党支部 created with the unit: proposed from the town's naming pattern, editable, or unticked. */
  branchName: string;
  branchChecked: boolean;
  /** Once the clerk types a branch name it no longer follows renames of the unit. */
  branchEdited: boolean;
}

/** 一村一支部: villages and communities get a proposed branch; 机关 and 两新组织 branches vary too much to guess. */
export function draftUnit(townName: string, key: number, name: string, kind: UnitKind): DraftUnit {
  return { key, name, kind, checked: true, branchName: name ? defaultBranchName(townName, name) : '', branchChecked: kind === '村' || kind === '社区', branchEdited: false };
}

/** What the wizard sends: the ticked units, each with its ticked, non-empty branch. */
export function chosenUnits(units: DraftUnit[]) {
  return units
    .filter((u) => u.checked && u.name.trim())
    .map((u) => ({ name: u.name.trim(), kind: u.kind, branchName: u.branchChecked && u.branchName.trim() ? u.branchName.trim() : null }));
}

interface Props {
  townName: string;
  units: DraftUnit[];
  onChange(units: DraftUnit[]): void;
  onBack(): void;
  onNext(): void;
}

export function UnitsStep({ townName, units, onChange, onBack, onNext }: Props) {
  const patch = (key: number, change: Partial<DraftUnit>) => onChange(units.map((u) => (u.key === key ? { ...u, ...change } : u)));
  const rename = (u: DraftUnit, name: string) => patch(u.key, u.branchEdited ? { name } : { name, branchName: name.trim() ? defaultBranchName(townName, name) : '' });
  const addRow = () => onChange([...units, draftUnit(townName, Math.max(0, ...units.map((u) => u.key)) + 1, '', '村')]);
  const chosen = units.filter((u) => u.checked && u.name.trim());
  const branchCount = chosenUnits(units).filter((u) => u.branchName).length;
  const names = chosen.map((u) => u.name.trim());
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);

  return (
    <Form onFinish={() => !duplicate && onNext()}>
      <Typography.Paragraph>
        已选 <Typography.Text strong>{chosen.length}</Typography.Text> 个村（社区）。不属于本单位的请取消勾选，名称可直接修改，名单中没有的请点“添加一行”。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        同时建立 <Typography.Text strong>{branchCount}</Typography.Text> 个党支部（一村一支部，名称按“中共{townName}××村支部委员会”拟定，可修改；不需要的取消勾选，以后可在“组织设置”中增改）。
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
                onChange={(e) => rename(u, e.target.value)}
              />
            ),
          },
          {
            title: '党支部',
            render: (_, u) => (
              <Space.Compact block>
                <Checkbox
                  style={{ padding: '0 8px', alignSelf: 'center' }}
                  checked={u.branchChecked}
                  disabled={!u.checked}
                  aria-label={`建立${u.name}党支部`}
                  onChange={(e) => patch(u.key, { branchChecked: e.target.checked })}
                />
                <Input
                  value={u.branchName}
                  placeholder="党支部名称"
                  aria-label={`${u.name}党支部名称`}
                  disabled={!u.checked || !u.branchChecked}
                  status={u.checked && u.branchChecked && !u.branchName.trim() ? 'warning' : undefined}
                  onChange={(e) => patch(u.key, { branchName: e.target.value, branchEdited: true })}
                />
              </Space.Compact>
            ),
          },
          {
            title: '类别',
            width: 110,
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
