import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { STAGES, stepDef } from '../../../../core/members/steps';
import { STAGE_NUMERALS, recordPath } from './labels';
import type { RecordSummary } from './types';

const DATE_COL = 92;

/**
 * The wide 全程纪实台账 clerks keep in Excel: one row per person, a date column per 流程节点 under its stage. Name
 * and village stay fixed while the clerk scrolls sideways through the 25 columns.
 */
export function ledgerColumns(): ColumnsType<RecordSummary> {
  return [
    { title: '村（社区）', dataIndex: 'unitName', key: 'unitName', width: 110, fixed: 'left', ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: '姓名',
      dataIndex: 'personName',
      key: 'personName',
      width: 76,
      fixed: 'left',
      render: (v: string, row) => <Link to={recordPath(row.id)}>{v}</Link>,
    },
    { title: '状态', dataIndex: 'status', key: 'status', width: 96, fixed: 'left' },
    ...STAGES.map((stage) => ({
      title: `第${STAGE_NUMERALS[stage.no - 1]}阶段 ${stage.name}`,
      key: `stage${stage.no}`,
      children: stage.steps.map((no) => ({
        title: <span style={{ fontSize: 12, fontWeight: 400 }}>{`${no} ${stepDef(no).name}`}</span>,
        key: `step${no}`,
        width: DATE_COL,
        align: 'center' as const,
        render: (_: unknown, row: RecordSummary) => <span style={{ fontVariantNumeric: 'tabular-nums', fontSize: 12 }}>{row.dates[String(no)] ?? ''}</span>,
      })),
    })),
  ];
}

export const LEDGER_WIDTH = 110 + 76 + 96 + 25 * DATE_COL;
