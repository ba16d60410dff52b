import { Alert, Button, Modal, Popconfirm, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { Unit } from '../../../../core/org/schemas';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';

interface Props {
  from: Unit | undefined;
  units: Unit[];
  onClose(): void;
  onMerged(): void;
}

/** Village mergers (撤并) are common; nothing is deleted, the old unit is kept as 已撤销 with a pointer. */
export function MergeModal({ from, units, onClose, onMerged }: Props) {
  const { message, fail } = useNotify();
  const [intoId, setIntoId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setIntoId(null), [from]);
  const into = units.find((u) => u.id === intoId);

  const merge = async () => {
    if (!from || !into) return;
    setBusy(true);
    try {
      const r = await call('org.mergeUnits', { fromId: from.id, intoId: into.id });
      message.success(`${from.name} 已并入 ${into.name}：转移人员 ${r.movedPeople} 人、党组织 ${r.movedBranches} 个`);
      onMerged();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={!!from} title={from ? `合并：${from.name}` : ''} onCancel={onClose} footer={null} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Select
          autoFocus
          placeholder="请选择并入的村（社区）"
          style={{ width: '100%' }}
          showSearch={{ optionFilterProp: 'label' }}
          value={intoId ?? undefined}
          onChange={setIntoId}
          options={units.filter((u) => u.id !== from?.id && !u.retiredAt).map((u) => ({ value: u.id, label: u.name }))}
        />
        {from && (
          <Alert
            type="info"
            showIcon
            title={`合并后，${from.name} 的 ${from.peopleCount} 名人员和 ${from.branchCount} 个党组织将转到所选村（社区），${from.name} 标记为“已撤销”，不会删除任何数据。`}
          />
        )}
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Popconfirm
            title={into && from ? `确定把 ${from.name} 并入 ${into.name}？` : ''}
            description="人员和党组织将全部转过去，此操作会记入操作日志。"
            okText="确定合并"
            cancelText="取消"
            onConfirm={merge}
            disabled={!into}
          >
            <Button type="primary" danger disabled={!into} loading={busy}>
              合并
            </Button>
          </Popconfirm>
        </Space>
      </Space>
    </Modal>
  );
}
