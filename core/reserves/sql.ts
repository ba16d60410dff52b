/**
 * SQL pieces every reserve read shares, so the list, the plan, 首页 and the reports count the same people the
 * same way. `r` is reserves, `p` people.
 */
import { EDUCATIONS, EDUCATION_GROUPS, educationGroup, type EducationGroup } from '../people/codes';
import { AGE_BANDS } from './codes';

/** 政治面貌: from the person's newest 发展档案 that has reached 积极分子, else as entered, else 群众. */
export const POLITICAL_SQL = `coalesce(
  (SELECT CASE ms.status WHEN '正式党员' THEN '中共党员' ELSE ms.status END FROM member_state ms
    WHERE ms.person_id = r.person_id AND ms.status IN ('入党积极分子', '发展对象', '预备党员', '正式党员')
    ORDER BY ms.record_id DESC LIMIT 1),
  r.political_status, '群众')`;

export const FROM_RESERVES = `FROM reserves r JOIN people p ON p.id = r.person_id JOIN org_units u ON u.id = r.unit_id
  WHERE r.deleted_at IS NULL AND p.deleted_at IS NULL`;

/** The 学历 codes of one 党内统计 group, as an SQL list of literals. */
export function educationCodesSql(group: EducationGroup): string {
  return EDUCATIONS.filter((e) => educationGroup(e.code) === group)
    .map((e) => `'${e.code}'`)
    .join(', ');
}

/** The SQL CASE giving each person's 学历 group (null when not entered). */
export const EDUCATION_GROUP_SQL = `CASE ${EDUCATION_GROUPS.map((g) => `WHEN p.education IN (${educationCodesSql(g)}) THEN '${g}'`).join(' ')} END`;

/** Someone is at most `age` on `date` when born after the same day `age + 1` years earlier. */
export function bornAfterForMaxAge(date: string, age: number): string {
  return `${String(Number(date.slice(0, 4)) - age - 1).padStart(4, '0')}${date.slice(4)}`;
}

/** Birth-date bounds (exclusive lower, inclusive upper) for an age band on a day. */
export function ageBandBounds(key: string, date: string): { after: string | null; upTo: string | null } {
  const i = AGE_BANDS.findIndex((b) => b.key === key);
  const band = AGE_BANDS[i]!;
  const lower = i > 0 ? AGE_BANDS[i - 1]!.max : null;
  return {
    after: Number.isFinite(band.max) ? bornAfterForMaxAge(date, band.max) : null,
    upTo: lower === null ? null : bornAfterForMaxAge(date, lower),
  };
}

/** The SQL CASE giving each person's age band key on a day (a date literal that is ours, never typed). */
export function ageBandSql(date: string): string {
  const whens = AGE_BANDS.filter((b) => Number.isFinite(b.max)).map((b) => `WHEN p.birth_date > '${bornAfterForMaxAge(date, b.max)}' THEN '${b.key}'`);
  return `CASE ${whens.join(' ')} ELSE '${AGE_BANDS[AGE_BANDS.length - 1]!.key}' END`;
}

/** Age in whole years on a day, in SQL. */
export function ageSql(date: string): string {
  return `(CAST(substr('${date}', 1, 4) AS INTEGER) - CAST(substr(p.birth_date, 1, 4) AS INTEGER) - (substr('${date}', 6) < substr(p.birth_date, 6)))`;
}

/** The status a reserve had at the end of a day, replayed in SQL the way ./status.ts replays it. */
export function statusAsOfSql(dateParam = '?'): string {
  return `(SELECT CASE e.kind WHEN '入库' THEN '在库' WHEN '任用' THEN '已任用' ELSE e.kind END FROM reserve_events e
    WHERE e.reserve_id = r.id AND e.kind <> '调整' AND e.date <= ${dateParam} ORDER BY e.date DESC, e.id DESC LIMIT 1)`;
}

/** The units that keep a 两委 reserve pool, in the township's order. */
export const POOL_UNITS_SQL = `SELECT id, name FROM org_units WHERE retired_at IS NULL AND kind IN ('村', '社区') ORDER BY sort_order, id`;
