import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Switch, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { Unit } from '../../../../core/org/schemas';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { useUnits } from '../../components/useUnits';
import { BranchesPanel } from './BranchesPanel';
import { MergeModal } from './MergeModal';
import { UnitModal } from './UnitModal';

export function UnitsTab() {
  const { message, fail } = useNotify();
  const [showRetired, setShowRetired] = useState(false);
  const { units, loading, reload } = useUnits(showRetired);
  const [editing, setEditing] = useState<Unit | null | undefined>(undefined);
  const [merging, setMerging] = useState<Unit | undefined>(undefined);

  const setRetired = async (unit: Unit, retire: boolean) => {
    try {
      await call(retire ? 'org.retireUnit' : 'org.restoreUnit', { id: unit.id });
      message.success(`${retire ? '已撤销' : '已恢复'}：${unit.name}`);
      void reload();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 16, display: 'flex', justifyContent: 'space-between' }}>
        <Space size={6}>
          <Switch checked={showRetired} onChange={setShowRetired} aria-label="显示已撤销" />
          <span>显示已撤销</span>
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          新增村（社区）
        </Button>
      </Space>
      <Table<Unit>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={units}
        pagination={false}
        expandable={{ expandedRowRender: (u) => <BranchesPanel unit={u} onChanged={reload} />, expandRowByClick: false }}
        locale={{ emptyText: '还没有村（社区），请点右上角“新增村（社区）”' }}
        columns={[
          { title: '序号', width: 64, render: (_, __, i) => i + 1 },
          {
            title: '名称',
            dataIndex: 'name',
            render: (name: string, u) => (
              <Space>
                {name}
                {u.retiredAt && <Tag>{u.mergedIntoName ? `已并入${u.mergedIntoName}` : '已撤销'}</Tag>}
              </Space>
            ),
          },
          { title: '类别', dataIndex: 'kind', width: 90 },
          { title: '统计代码', dataIndex: 'code', width: 150, render: (c: string | null) => c ?? '—' },
          { title: '人员', dataIndex: 'peopleCount', width: 80 },
          { title: '党组织', dataIndex: 'branchCount', width: 80 },
          {
            title: '操作',
            width: 240,
            render: (_, u) =>
              u.retiredAt ? (
                <Popconfirm title={`确定恢复 ${u.name}？`} okText="恢复" cancelText="取消" onConfirm={() => setRetired(u, false)}>
                  <Button type="link" size="small">
                    恢复
                  </Button>
                </Popconfirm>
              ) : (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(u)}>
                    修改
                  </Button>
                  <Button type="link" size="small" onClick={() => setMerging(u)}>
                    合并到…
                  </Button>
                  {u.peopleCount > 0 ? (
                    <Tooltip title={`还有 ${u.peopleCount} 名人员，不能直接撤销；请用“合并到…”把人员一并转走`}>
                      <Button type="link" size="small" danger disabled>
                        撤销
                      </Button>
                    </Tooltip>
                  ) : (
                    <Popconfirm
                      title={`确定撤销 ${u.name}？`}
                      description="撤销后可打开“显示已撤销”再恢复。"
                      okText="撤销"
                      cancelText="取消"
                      okButtonProps={{ danger: true }}
                      onConfirm={() => setRetired(u, true)}
                    >
                      <Button type="link" size="small" danger>
                        撤销
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <UnitModal
        unit={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void reload();
        }}
      />
      <MergeModal
        from={merging}
        units={units}
        onClose={() => setMerging(undefined)}
        onMerged={() => {
          setMerging(undefined);
          void reload();
        }}
      />
    </>
  );
}
