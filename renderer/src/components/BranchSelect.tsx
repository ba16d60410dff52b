import { Select, Typography, type SelectProps } from 'antd';
import { Link } from 'react-router-dom';
import type { Branch } from '../../../core/org/schemas';
import { branchOptions } from './useBranches';

/** Branches are kept per village in 组织设置; a clerk facing an empty list is told exactly where. */
export function NoBranchesHint({ unitName }: { unitName?: string | null }) {
  return (
    <Typography.Text type="secondary" data-testid="no-branches-hint">
      {unitName ? `${unitName}还没有党组织。` : '还没有党组织。'}请到“组织设置”→“村（社区）”，展开本村（社区）后在“党组织”中添加：
      <Link to="/org">去组织设置添加党组织</Link>
    </Typography.Text>
  );
}

interface Props extends Omit<SelectProps<number>, 'options'> {
  branches: Branch[];
  /** False while the list is on its way: no hint then. */
  loaded: boolean;
  /** Narrows the list to one village's branches. */
  unitId?: number | null;
  unitName?: string | null;
  /** Also show the hint under the field, not only in the open dropdown (forms; not toolbars). */
  inlineHint?: boolean;
}

/** Every 党支部 picker: the searchable list, and where to add a branch when there is none. */
export function BranchSelect({ branches, loaded, unitId, unitName, inlineHint = true, ...select }: Props) {
  const options = branchOptions(branches, unitId);
  const empty = loaded && options.length === 0;
  return (
    <>
      <Select<number> allowClear showSearch={{ optionFilterProp: 'label' }} {...select} options={options} notFoundContent={empty ? <NoBranchesHint unitName={unitName} /> : undefined} />
      {empty && inlineHint && (
        <div style={{ marginTop: 4 }}>
          <NoBranchesHint unitName={unitName} />
        </div>
      )}
    </>
  );
}
