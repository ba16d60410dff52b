import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Branch, Unit } from '../../../../core/org/schemas';
import { BRANCH_KINDS, type BranchKind } from '../../../../core/people/codes';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useSession } from '../../components/session';
import { defaultBranchName } from '../../../../core/org/names';

interface Props {
  unit: Unit;
  /** Counts in the parent row change when branches come and go. */
  onChanged(): void;
}

export function BranchesPanel({ unit, onChanged }: Props) {
  const { message, fail } = useNotify();
  const { settings } = useSession();
  const [branches, setBranches] = useState<Branch[]>([]);
  const [showRetired, setShowRetired] = useState(false);
  const [draft, setDraft] = useState<{ name: string; kind: BranchKind }>({ name: defaultBranchName(settings.townName, unit.name), kind: '党支部' });
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setBranches(await call('org.listBranches', { unitId: unit.id, includeRetired: showRetired }));
    } catch (err) {
      fail(err);
    }
  }, [unit.id, showRetired, fail]);

  useEffect(() => {
    void load();
  }, [load]);

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      await load();
      onChanged();
    } catch (err) {
      fail(err);
    }
  };

  const add = () => run(() => call('org.addBranch', { unitId: unit.id, name: draft.name.trim(), kind: draft.kind }), `已新增党组织：${draft.name.trim()}`);
  const rename = () =>
    renaming && run(() => call('org.updateBranch', { id: renaming.id, name: renaming.name.trim() }), `已修改为：${renaming.name.trim()}`).then(() => setRenaming(null));

  return (
    <div style={{ padding: '4px 0 8px 24px' }}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text strong>{unit.name} 的党组织</Typography.Text>
        <Switch size="small" checked={showRetired} onChange={setShowRetired} aria-label="显示已撤销党组织" />
        <span>显示已撤销</span>
      </Space>
      <Table<Branch>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={branches}
        locale={{ emptyText: '尚未登记党组织' }}
        columns={[
          {
            title: '党组织名称',
            dataIndex: 'name',
            render: (name: string, b) =>
              renaming?.id === b.id ? (
                <Space.Compact>
                  <Input autoFocus value={renaming.name} onChange={(e) => setRenaming({ id: b.id, name: e.target.value })} onPressEnter={rename} style={{ width: 300 }} />
                  <Button type="primary" onClick={rename}>
                    保存
                  </Button>
                  <Button onClick={() => setRenaming(null)}>取消</Button>
                </Space.Compact>
              ) : (
                <Space>
                  {name}
                  {b.retiredAt && <Tag>已撤销</Tag>}
                </Space>
              ),
          },
          { title: '类别', dataIndex: 'kind', width: 100 },
          {
            title: '操作',
            width: 160,
            render: (_, b) =>
              b.retiredAt ? (
                <Button type="link" size="small" onClick={() => run(() => call('org.restoreBranch', { id: b.id }), `已恢复：${b.name}`)}>
                  恢复
                </Button>
              ) : (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setRenaming({ id: b.id, name: b.name })}>
                    改名
                  </Button>
                  <Popconfirm title={`确定撤销 ${b.name}？`} okText="撤销" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => run(() => call('org.retireBranch', { id: b.id }), `已撤销：${b.name}`)}>
                    <Button type="link" size="small" danger>
                      撤销
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {!unit.retiredAt && (
        <Space.Compact style={{ marginTop: 8 }}>
          <Select<BranchKind> value={draft.kind} style={{ width: 100 }} onChange={(kind) => setDraft((d) => ({ ...d, kind }))} options={BRANCH_KINDS.map((k) => ({ value: k, label: k }))} />
          <Input value={draft.name} aria-label="新党组织名称" style={{ width: 320 }} onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))} onPressEnter={add} />
          <Button icon={<PlusOutlined />} onClick={add} disabled={!draft.name.trim()}>
            添加党组织
          </Button>
        </Space.Compact>
      )}
    </div>
  );
}
