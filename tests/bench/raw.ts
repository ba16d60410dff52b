/**
 * The raw baselines: the least work that answers the same question, written straight against the tables with
 * better-sqlite3 (no contract, no zod, no services) and, for exports, exceljs's streaming writer alone. The bench
 * prints each ledger figure beside its baseline, so a ratio shows how much the ledger's own layers cost.
 */
import { PassThrough } from 'node:stream';
import type Database from 'better-sqlite3';

export interface MembersPageQuery {
  stage?: number;
  onlyOverdue?: boolean;
  sortField?: 'deadline' | 'personName' | 'problems';
  pageSize?: number;
  /** The search box: part of a name. */
  q?: string;
}

const LIVE = `member_records r JOIN people p ON p.id = r.person_id AND p.deleted_at IS NULL JOIN member_state s ON s.record_id = r.id
  LEFT JOIN org_units u ON u.id = p.unit_id LEFT JOIN branches b ON b.id = r.branch_id`;
const ACTIVE = '(f.active_from IS NULL OR f.active_from <= @today) AND (f.active_until IS NULL OR @today <= f.active_until)';

function hasColumn(db: Database.Database, table: string, column: string): boolean {
  return (db.prepare(`SELECT count(*) FROM pragma_table_info('${table}') WHERE name = ?`).pluck().get(column) as number) > 0;
}

/** The 发展党员 list's first page with its deadlines: count, page of ids, their heads, step dates and deadlines. */
export function rawMembersPage(db: Database.Database, q: MembersPageQuery, today: string): number {
  const where = ['r.deleted_at IS NULL'];
  if (q.stage) where.push("s.status_group = '进行中' AND s.stage = @stage");
  if (q.onlyOverdue) where.push('s.deadline_due < @today');
  if (q.q) where.push('instr(p.name, @q) > 0');
  const nameKey = hasColumn(db, 'people', 'sort_key') ? 'p.sort_key' : 'p.name';
  const sort =
    q.sortField === 'deadline'
      ? ["coalesce(s.deadline_due, '9999')"]
      : q.sortField === 'personName'
        ? [nameKey]
        : q.sortField === 'problems'
          ? [`(SELECT count(*) FROM member_findings f WHERE f.record_id = r.id AND f.level = 'error' AND ${ACTIVE})`]
          : [];
  const params = { today, stage: q.stage ?? 0, limit: q.pageSize ?? 20, q: q.q ?? '' };
  const bind = (sql: string) => Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes(`@${k}`)));
  const countSql = `SELECT count(*) FROM ${LIVE} WHERE ${where.join(' AND ')}`;
  const total = db.prepare(countSql).pluck().get(bind(countSql)) as number;
  const pageSql = `SELECT r.id, p.name, p.gender, p.birth_date, p.id_number, u.name AS unit, b.name AS branch, s.stage, s.status, s.last_step, s.next_step, s.probation_end
    FROM ${LIVE} WHERE ${where.join(' AND ')} ORDER BY ${[...sort, 'u.sort_order', 'r.id'].join(', ')} LIMIT @limit`;
  const rows = db.prepare(pageSql).all(bind(pageSql)) as { id: number }[];
  const ids = JSON.stringify(rows.map((r) => r.id));
  db.prepare('SELECT record_id, step_no, date FROM member_steps WHERE record_id IN (SELECT value FROM json_each(?))').all(ids);
  db.prepare('SELECT record_id, kind, due_date, final_date FROM member_deadlines WHERE record_id IN (SELECT value FROM json_each(?))').all(ids);
  db.prepare(`SELECT f.record_id, f.level, count(*) FROM member_findings f WHERE f.record_id IN (SELECT value FROM json_each(@ids)) AND ${ACTIVE} GROUP BY 1, 2`).all({ ids, today });
  return total;
}

/** 首页's figures: files per stage, overdue and problem counts, and the due reminders with names. */
export function rawOverview(db: Database.Database, today: string, soon: string): number {
  db.prepare(`SELECT s.stage, count(*) FROM ${LIVE} WHERE r.deleted_at IS NULL AND s.status_group = '进行中' GROUP BY s.stage`).all();
  db.prepare(`SELECT count(*) FROM ${LIVE} WHERE r.deleted_at IS NULL AND s.deadline_due < ?`).pluck().get(today);
  db.prepare(`SELECT count(*) FROM ${LIVE} WHERE r.deleted_at IS NULL AND EXISTS (SELECT 1 FROM member_findings f WHERE f.record_id = r.id AND ${ACTIVE})`).pluck().get({ today });
  return db
    .prepare(
      `SELECT r.id, p.name, u.name, b.name, d.kind, d.due_date FROM ${LIVE} JOIN member_deadlines d ON d.record_id = r.id
       WHERE r.deleted_at IS NULL AND d.due_date <= CASE WHEN d.kind = '培养期满' THEN @today ELSE @soon END ORDER BY u.sort_order, r.id, d.step`,
    )
    .all({ today, soon }).length;
}

/** 合规检查: every finding in force, with the file's names, in village order. */
export function rawCheck(db: Database.Database, today: string): number {
  return db
    .prepare(
      `SELECT r.id, p.name, u.name, b.name, f.rule_id, f.level, f.step, f.message, f.dates, f.explanation FROM ${LIVE} JOIN member_findings f ON f.record_id = r.id
       WHERE r.deleted_at IS NULL AND ${ACTIVE} ORDER BY u.sort_order, r.id, f.seq`,
    )
    .all({ today }).length;
}

const PEOPLE_ORDER: Record<string, string> = {
  birthDate: 'p.birth_date',
  unitName: 'u.sort_order',
  createdAt: 'p.created_at',
  updatedAt: 'p.updated_at',
};

/** One page of the 人员库 in the given order, and the count of live people. */
export function rawPeoplePage(db: Database.Database, sortField: string, page: number, pageSize = 20): number {
  const column = sortField === 'name' ? (hasColumn(db, 'people', 'sort_key') ? 'p.sort_key' : 'p.name') : PEOPLE_ORDER[sortField]!;
  db.prepare(
    `SELECT p.id, p.name, p.gender, p.ethnicity, p.birth_date, p.id_number, p.education, p.occupation, p.job_post, p.unit_id, u.name, p.phone, p.hukou, p.note,
       p.deleted_at, p.created_at, p.updated_at
     FROM people p LEFT JOIN org_units u ON u.id = p.unit_id WHERE p.deleted_at IS NULL ORDER BY ${column} DESC, p.id DESC LIMIT ? OFFSET ?`,
  ).all(pageSize, (page - 1) * pageSize);
  return db.prepare('SELECT count(*) FROM people WHERE deleted_at IS NULL').pluck().get() as number;
}

/** The 人员库 search box: a substring of a name, the first page by name and the number found. */
export function rawPeopleSearch(db: Database.Database, q: string, pageSize = 20): number {
  const where = 'p.deleted_at IS NULL AND instr(p.name, @q) > 0';
  db.prepare(`SELECT p.id, p.name, p.gender, p.birth_date, p.id_number, u.name FROM people p LEFT JOIN org_units u ON u.id = p.unit_id WHERE ${where} ORDER BY p.name, p.id LIMIT @limit`).all({ q, limit: pageSize });
  return db.prepare(`SELECT count(*) FROM people p WHERE ${where}`).pluck().get({ q }) as number;
}

/** A new 发展档案 with its 递交入党申请书 step, for a person already there: the rows members.create writes. */
export function rawCreate(db: Database.Database, personId: number, branchId: number | null, date: string): number {
  return db.transaction(() => {
    const id = Number(db.prepare('INSERT INTO member_records (person_id, branch_id) VALUES (?, ?)').run(personId, branchId).lastInsertRowid);
    db.prepare('INSERT INTO member_steps (record_id, step_no, date) VALUES (?, 1, ?)').run(id, date);
    return id;
  })();
}

/** The 人员花名册's cells, read with one query: the 13 columns, in village then name order. */
export function rawPeopleRosterRows(db: Database.Database): unknown[][] {
  return db
    .prepare(
      `SELECT u.name, p.name, p.gender, p.ethnicity, p.birth_date, p.id_number, p.education, p.occupation, p.job_post, p.phone, p.hukou, p.note
       FROM people p LEFT JOIN org_units u ON u.id = p.unit_id WHERE p.deleted_at IS NULL ORDER BY u.sort_order, p.name, p.id`,
    )
    .raw()
    .all()
    .map((r, i) => [i + 1, ...(r as unknown[])]);
}

/** The 发展党员花名册's 41 cells per file: the person, the stage, the 25 step dates and the 政审 result. */
export function rawMembersRosterRows(db: Database.Database): unknown[][] {
  const steps = Array.from({ length: 25 }, (_, i) => `max(CASE WHEN st.step_no = ${i + 1} THEN st.date END)`).join(', ');
  return db
    .prepare(
      `SELECT u.name, b.name, p.name, p.gender, p.ethnicity, p.birth_date, p.id_number, p.education, p.occupation, s.status, s.stage, ${steps},
         v.conclusion_result, v.conclusion_date, s.probation_end, group_concat(st.override_reason, '；'),
         (SELECT count(*) FROM member_findings f WHERE f.record_id = r.id)
       FROM ${LIVE} LEFT JOIN member_steps st ON st.record_id = r.id LEFT JOIN member_reviews v ON v.record_id = r.id
       WHERE r.deleted_at IS NULL GROUP BY r.id ORDER BY u.sort_order, r.id`,
    )
    .raw()
    .all()
    .map((r, i) => [i + 1, ...(r as unknown[])]);
}

/**
 * exceljs's streaming writer alone: a title row, a header row and the given rows with one shared style object per
 * column (the cheapest way exceljs writes styled cells), then the same cells again in a hidden `_data` sheet, as
 * the ledger's exports carry one; collected into one buffer as the ledger's export is.
 */
export async function rawStreamWorkbook(rows: readonly unknown[][], sheetName: string): Promise<number> {
  const { default: ExcelJS } = await import('exceljs');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const cols = rows[0]?.length ?? 1;
  const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
  const font = { name: '宋体', size: 10.5, charset: 134 };
  const styles = Array.from({ length: cols }, (_, c) => ({
    font,
    border: { top: thin, left: thin, bottom: thin, right: thin },
    alignment: { horizontal: 'left' as const, vertical: 'middle' as const, wrapText: c % 3 !== 1 },
  }));
  const sheets: [string, boolean][] = [
    [sheetName, true],
    ['_data', false],
  ];
  for (const [name, styled] of sheets) {
    const ws = wb.addWorksheet(name, styled ? {} : { state: 'hidden' });
    ws.columns = Array.from({ length: cols }, () => ({ width: 12 }));
    if (styled) {
      ws.addRow([sheetName]).commit();
      ws.addRow(Array.from({ length: cols }, (_, i) => `列${i + 1}`)).commit();
    }
    for (const values of rows) {
      const row = ws.addRow(values as unknown[]);
      if (styled) for (let c = 0; c < cols; c++) row.getCell(c + 1).style = styles[c]!;
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
  return Buffer.concat(chunks).length;
}

export interface ReservesPageQuery {
  unitId?: boolean;
  status?: string;
  sortField?: 'name';
  q?: string;
}

/** The reserve list's first page: count and 20 rows with village, person and the stored totals. */
export function rawReservesPage(db: Database.Database, q: ReservesPageQuery): number {
  const where = ['r.deleted_at IS NULL', 'p.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (q.unitId) where.push('r.unit_id = (SELECT min(id) FROM org_units)');
  if (q.status) (where.push('r.status = ?'), params.push(q.status));
  if (q.q) (where.push('instr(p.name, ?) > 0'), params.push(q.q));
  const from = `FROM reserves r JOIN people p ON p.id = r.person_id JOIN org_units u ON u.id = r.unit_id WHERE ${where.join(' AND ')}`;
  const total = db.prepare(`SELECT count(*) ${from}`).pluck().get(...params) as number;
  db.prepare(`SELECT r.id, p.name, p.gender, p.birth_date, u.name, r.status, r.training_count, r.training_hours ${from}
    ORDER BY ${q.sortField === 'name' ? 'r.name_key' : 'u.sort_order, r.name_key'}, r.id LIMIT 20`).all(...params);
  return total;
}

/** The plan's and 首页's figures: 在库 per village with the structure counts, and per source. */
export function rawReservesCounts(db: Database.Database): number {
  const from = 'FROM reserves r JOIN people p ON p.id = r.person_id WHERE r.deleted_at IS NULL AND p.deleted_at IS NULL AND r.status = \'在库\'';
  db.prepare(`SELECT r.unit_id, count(*), sum(r.post_direction = '书记后备'), sum(p.gender = '女'), sum(p.birth_date > '1990-01-01') ${from} GROUP BY r.unit_id`).all();
  return (db.prepare(`SELECT r.source, count(*) AS n ${from} GROUP BY r.source`).all() as { n: number }[]).length;
}

/** The centre list's first page: count and 20 rows in village order. */
export function rawCentresPage(db: Database.Database): number {
  const total = db.prepare('SELECT count(*) FROM centres WHERE deleted_at IS NULL').pluck().get() as number;
  db.prepare('SELECT c.*, u.name FROM centres c JOIN org_units u ON u.id = c.unit_id WHERE c.deleted_at IS NULL ORDER BY c.unit_order, c.unit_id LIMIT 20').all();
  return total;
}

/** The chart's data: every centre and every milestone, as rows. */
export function rawCentresChart(db: Database.Database): number {
  db.prepare('SELECT c.*, u.name FROM centres c JOIN org_units u ON u.id = c.unit_id WHERE c.deleted_at IS NULL ORDER BY c.unit_order, c.unit_id').all();
  return db.prepare('SELECT * FROM centre_milestones ORDER BY centre_id, seq').all().length;
}
