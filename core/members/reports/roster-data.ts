/**
 * The 花名册's rows straight from SQL: one query over the stored state, each file's step dates and 特殊情况说明
 * gathered by indexed subqueries, and its findings in force counted. A district's 20,000 files are never built into
 * full records for a sheet that prints their dates, so the rows come in under a second and a fraction of the memory.
 */
import type { LedgerContext } from '../../context';
import type { CellInput } from '../../excel/builder';
import { idHasher } from '../../district/origin';
import { maskIdNumber } from '../../people/idcard';
import type { ReportParams } from '../../reports/definition';
import type { MemberStatus } from '../derived';
import { ensureJudged } from '../state-store';
import { FINDING_ACTIVE } from '../state-read';
import { unitDisplay } from './common';

export const stepKey = (no: number) => `step${no}`;

/** Stable codes for the status in `_data`; the district reads the labels from `_meta`. */
export const STATUS_CODES: Record<MemberStatus, string> = {
  未开始: 'notStarted',
  入党申请人: 'applicant',
  入党积极分子: 'activist',
  发展对象: 'candidate',
  预备党员: 'probationary',
  正式党员: 'full',
  已终止培养: 'terminated',
  已取消预备党员资格: 'cancelled',
};

export const IN_PROGRESS = new Set<MemberStatus>(['入党申请人', '入党积极分子', '发展对象', '预备党员']);

/**
 * The printed status: where a file in progress stands also names its stage ("发展对象（第四阶段）"), as a
 * 发展对象 may be in stage 三 or 四; a finished or ended file shows its status alone. The code is the status
 * and the stage together, so each printed wording has one code.
 */
export function statusCode(status: MemberStatus, stage: number | null): string {
  return IN_PROGRESS.has(status) && stage ? `${STATUS_CODES[status]}.${stage}` : STATUS_CODES[status];
}

type RosterSqlRow = [
  unitName: string | null,
  branchName: string | null,
  name: string,
  gender: string,
  ethnicity: string,
  birthDate: string,
  idNumber: string,
  education: string | null,
  occupation: string | null,
  status: string,
  stage: number,
  reviewResult: string | null,
  reviewDate: string | null,
  probationEnd: string | null,
  dates: string,
  reasons: string | null,
  findings: number,
];

/**
 * In village order (a village's place as the 发展党员 lists have it: its sort order, then its first file), within a
 * village the earliest application first, then by file, as the paper 台账 runs.
 */
export function rosterData(
  ctx: LedgerContext,
  params: Pick<ReportParams, 'unitIds' | 'maskIdNumbers'>,
): Record<string, CellInput>[] {
  const { today } = ensureJudged(ctx);
  const units = params.unitIds?.length ? `AND p.unit_id IN (${params.unitIds.map(Number).join(',')})` : '';
  const rows = ctx.sqlite
    .prepare(
      `SELECT u.name, b.name, p.name, p.gender, p.ethnicity, p.birth_date, p.id_number, p.education, p.occupation, s.status, s.stage,
         v.conclusion_result, v.conclusion_date, s.probation_end,
         (SELECT json_group_object(t.step_no, t.date) FROM member_steps t WHERE t.record_id = r.id) AS dates,
         (SELECT json_group_array(json_array(t.step_no, t.override_reason)) FROM member_steps t
           WHERE t.record_id = r.id AND t.override_reason IS NOT NULL AND t.override_reason <> '') AS reasons,
         coalesce(fc.n, 0)
       FROM member_state s
       JOIN member_records r ON r.id = s.record_id
       JOIN people p ON p.id = r.person_id
       LEFT JOIN org_units u ON u.id = p.unit_id
       LEFT JOIN branches b ON b.id = r.branch_id
       LEFT JOIN member_reviews v ON v.record_id = r.id
       LEFT JOIN (SELECT f.record_id, count(*) AS n FROM member_findings f WHERE ${FINDING_ACTIVE} GROUP BY f.record_id) fc ON fc.record_id = r.id
       WHERE 1 ${units}
       ORDER BY u.sort_order, min(r.id) OVER (PARTITION BY p.unit_id),
         (SELECT t.date FROM member_steps t WHERE t.record_id = r.id AND t.step_no = 1), r.id`,
    )
    .raw()
    .all({ today }) as RosterSqlRow[];
  const mask = params.maskIdNumbers !== false;
  const idKey = idHasher(ctx);
  return rows.map((r, i) => {
    const row: Record<string, CellInput> = {
      seq: i + 1,
      unitName: unitDisplay(r[0]),
      branchName: r[1] ?? '',
      name: r[2],
      gender: r[3],
      ethnicity: r[4],
      birthDate: r[5],
      idNumber: mask ? maskIdNumber(r[6]) : r[6],
      idNumberKey: idKey(r[6]),
      education: r[7] ?? '',
      occupation: r[8] ?? '',
      status: statusCode(r[9] as MemberStatus, r[10]),
      stage: r[10],
      reviewResult: r[11] ?? '',
      reviewDate: r[12] ?? '',
      probationEnd: r[13] ?? '',
      reasons: reasonsText(r[15]),
      violations: r[16],
    };
    // The dates as entered: the 政审 结论 has its own columns, so step 10 shows the step's own date.
    for (const [no, date] of Object.entries(JSON.parse(r[14]) as Record<string, string>)) row[stepKey(Number(no))] = date;
    return row;
  });
}

/** "第9节点：…；第12节点：…", in step order, each reason trimmed as the clerk sees it (full-width spaces too). */
function reasonsText(json: string | null): string {
  if (!json) return '';
  return (JSON.parse(json) as [number, string][])
    .map(([no, reason]) => [no, reason.trim()] as const)
    .filter(([, reason]) => reason)
    .sort((a, b) => a[0] - b[0])
    .map(([no, reason]) => `第${no}节点：${reason}`)
    .join('；');
}
