import { Card, Form } from 'antd';
import { SECRETARY_DIRECTION } from '../../../../core/reserves/codes';
import { reserveConfig } from '../../../../core/reserves/config-schema';
import type { ListKey } from './settingsValues';
import { TagListInput } from '../../components/TagListInput';

const LISTS: { name: ListKey; label: string; extra?: string }[] = [
  { name: 'postDirections', label: '岗位方向', extra: `“${SECRETARY_DIRECTION}”是计划考核的口径，必须保留` },
  { name: 'sources', label: '来源类别' },
  { name: 'trainingTypes', label: '培养类型', extra: '年度目标按这里的类型设置' },
  { name: 'fundingSources', label: '经费来源' },
  { name: 'affairTypes', label: '村级事务类型' },
];

/** Each list checked as it changes, by the contract's own rule for it (not empty, no repeats, 书记后备 kept). */
const listRule = (name: ListKey) => ({
  validator: (_: unknown, v: string[] | undefined) => {
    const checked = reserveConfig.shape[name].safeParse(v ?? []);
    return checked.success ? Promise.resolve() : Promise.reject(new Error(checked.error.issues[0]?.message ?? '列表有误'));
  },
});

/** The lists the forms offer. Removing an item does not change records that already use it. */
export function SettingsListsCard() {
  return (
    <Card size="small" title="选项列表" extra="删除某项不影响已录入的记录" style={{ marginBottom: 12 }}>
      {LISTS.map((l) => (
        <Form.Item key={l.name} name={l.name} label={l.label} extra={l.extra} rules={[listRule(l.name)]}>
          <TagListInput label={l.label} locked={l.name === 'postDirections' ? [SECRETARY_DIRECTION] : undefined} lockedReason="计划按书记后备人数考核，不能删除" />
        </Form.Item>
      ))}
    </Card>
  );
}
