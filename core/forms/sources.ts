/**
 * What a form can be filled from: the ledger's own list and statistics reports. A dataset is the report's
 * machine-readable copy (`_data` records, `_meta` columns with header paths and code labels, core/excel/machine.ts),
 * so a form gets exactly the figures and the filters (villages, period, masking) the report itself would print.
 * The fields a clerk maps columns to are the report's columns, known by their printed header and by the wordings
 * the import already accepts for the same fact (core/import/*: 出生年月, 文化程度, 身份证号码, 入党时间 …).
 */
import type { LedgerContext } from '../context';
import { LedgerError } from '../errors';
import { readFileMeta, type DataColumnMeta } from '../excel/machine';
import { readWorkbook, type PlainValue } from '../excel/read';
import type { FieldDef } from '../import/header';
import { MEMBER_FIELDS } from '../import/members-fields';
import { PEOPLE_FIELDS } from '../import/people';
import { RESERVE_FIELDS } from '../import/reserves';
import { PROGRESS_FIELDS } from '../import/centre-progress';
import type { ReportParams } from '../reports/definition';

export type SourceKind = 'list' | 'matrix';

export interface FillSource {
  reportId: string;
  kind: SourceKind;
  /** What the clerk picks it as. */
  label: string;
  /** Matrix sources: the column that names each row (a village, a 职业). */
  labelKey?: string;
  /** Report column key → the import field whose wordings it shares. */
  alias?: Record<string, FieldDef | undefined>;
  /** Further wordings department forms use, by report column key. */
  extra?: Record<string, string[]>;
}

const byKey = (fields: readonly FieldDef[]) => (key: string) => fields.find((f) => f.key === key);
const people = byKey(PEOPLE_FIELDS);
const member = byKey(MEMBER_FIELDS);
const reserve = byKey(RESERVE_FIELDS);
const progress = byKey(PROGRESS_FIELDS);

const PERSON_ALIAS = (f: (k: string) => FieldDef | undefined) => ({
  name: f('name'),
  gender: f('gender'),
  ethnicity: f('ethnicity'),
  birthDate: f('birthDate'),
  idNumber: f('idNumber'),
  education: f('education'),
  occupation: f('occupation'),
  unitName: f('unit'),
});

const stepAlias = Object.fromEntries(MEMBER_FIELDS.filter((f) => /^step\d+$/.test(f.key)).map((f) => [f.key, f]));

export const FILL_SOURCES: FillSource[] = [
  {
    reportId: 'people-roster',
    kind: 'list',
    label: '人员花名册',
    alias: { ...PERSON_ALIAS(people), jobPost: people('jobPost'), phone: people('phone'), hukou: people('hukou'), note: people('note') },
  },
  {
    reportId: 'members-roster',
    kind: 'list',
    label: '发展党员花名册',
    alias: { ...PERSON_ALIAS(member), branchName: member('branch'), ...stepAlias, reviewResult: member('reviewResult'), reviewDate: member('reviewDate'), reasons: member('reason') },
    extra: { status: ['当前状态', '发展阶段', '所处阶段', '目前阶段'], probationEnd: ['预备期满时间', '预备期满'] },
  },
  {
    reportId: 'reserves-roster',
    kind: 'list',
    label: '后备人才花名册',
    alias: { ...PERSON_ALIAS(reserve), political: reserve('politicalStatus'), source: reserve('source'), postDirection: reserve('postDirection'), enteredOn: reserve('townReviewOn'), filedOn: reserve('filedOn'), mentor: reserve('mentorName') },
    extra: { phone: ['电话', '手机', '手机号码', '联系方式'], age: ['年龄（岁）', '周岁'], hours: ['培训学时', '累计学时'], trainings: ['培训次数', '培养次数（次）'], status: ['目前状态', '现状'] },
  },
  {
    reportId: 'centres-progress',
    kind: 'list',
    label: '服务中心改造进度表',
    alias: { unitName: progress('unit') },
    extra: { progress: ['形象进度（%）', '工程进度', '完成进度', '完成比例'], totalWan: ['总投资', '投资总额', '计划总投资'], status: ['进展情况', '推进情况'], note: ['备注'], rooms: ['功能室设置', '功能室配置'] },
  },
  {
    reportId: 'reserves-stats',
    kind: 'matrix',
    label: '后备人才培养情况统计表',
    labelKey: 'unitName',
    alias: { unitName: reserve('unit') },
    extra: { total: ['后备人才总数', '在库总数', '总人数', '后备人才数', '在库人数'], party: ['其中党员', '中共党员', '党员人数', '党员数'] },
  },
  {
    reportId: 'members-stats',
    kind: 'matrix',
    label: '发展党员情况统计表（一）',
    labelKey: 'label',
    extra: { total: ['发展党员总数', '发展党员数', '总人数', '合计人数'], female: ['女性', '其中女', '女党员'], minority: ['其中少数民族'] },
  },
];

export function findSource(reportId: string): FillSource {
  const source = FILL_SOURCES.find((s) => s.reportId === reportId);
  if (!source) {
    throw new LedgerError('INVALID_INPUT', `不能用“${reportId}”填报上级表格。`, {
      fields: { reportId: '不支持的数据来源' },
      hint: `可选的数据来源：${FILL_SOURCES.map((s) => `${s.reportId}（${s.label}）`).join('、')}`,
    });
  }
  return source;
}

/** The virtual field of a 序号 column: numbered 1, 2, 3 … in the filled rows. */
export const SEQ_FIELD = '__seq';

export interface FillField extends FieldDef {
  /** The report's printed header path, for telling fields apart in the drop-down. */
  path: string[];
  column: DataColumnMeta | null;
}

export interface Dataset {
  source: FillSource;
  fields: FillField[];
  rows: Record<string, PlainValue>[];
}

export type SourceParams = Pick<ReportParams, 'from' | 'to' | 'unitIds' | 'maskIdNumbers'>;

/** Builds the report and reads its `_data` and `_meta` back: the records exactly as the report would print them. */
export async function loadDataset(ctx: LedgerContext, source: FillSource, params: SourceParams): Promise<Dataset> {
  const { exportReport } = await import('../reports/service');
  const { buffer } = await exportReport(ctx, { reportId: source.reportId, maskIdNumbers: params.maskIdNumbers !== false, from: params.from ?? null, to: params.to ?? null, unitIds: params.unitIds ?? null });
  const book = await readWorkbook(buffer);
  const data = book.sheets.find((s) => s.name === '_data');
  const metaSheet = book.sheets.find((s) => s.name === '_meta');
  const meta = metaSheet ? readFileMeta(metaSheet.rows) : null;
  if (!data || !meta) throw new LedgerError('INTERNAL', `报表“${source.label}”缺少数据页，无法用于填报。`);
  const keys = (data.rows[0] ?? []).map((k) => String(k ?? ''));
  const rows = data.rows.slice(1).map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? null])));
  return { source, fields: fieldsOf(source, meta.columns), rows };
}

/**
 * The fields of a source, built with no village chosen that exists (unit 0): the columns are the report's, which
 * follow the township's own lists (来源 and 培养类型 of 后备人才, 资金来源 of 服务中心), and no record is read.
 */
export async function describeSource(ctx: LedgerContext, source: FillSource): Promise<FillField[]> {
  const { fields } = await loadDataset(ctx, source, { unitIds: [0], maskIdNumbers: true });
  return fields;
}

/**
 * A field per printed column. Where leaves repeat (人数 under each 培养类型; 计划 under each milestone), a column is
 * named by the shortest end of its header path that no other column shares (入企挂职人数, 开工计划).
 */
export function fieldsOf(source: FillSource, columns: readonly DataColumnMeta[]): FillField[] {
  const printed = columns.filter((c) => !c.dataOnly && c.header.length && c.key !== 'seq' && c.key !== 'lineNo');
  const suffixes = (path: string[]) => path.map((_, i) => path.slice(i).join(''));
  const count = new Map<string, number>();
  for (const c of printed) for (const s of new Set(suffixes(c.header))) count.set(s, (count.get(s) ?? 0) + 1);
  return printed.map((c) => {
    const unique = suffixes(c.header).filter((s) => count.get(s) === 1);
    const label = unique.at(-1) ?? c.header.join('');
    const alias = source.alias?.[c.key];
    const synonyms = [...new Set([...unique, ...(alias ? [alias.label, ...(alias.synonyms ?? [])] : []), ...(source.extra?.[c.key] ?? [])])].filter((s) => s !== label);
    return { key: c.key, label, synonyms, path: c.header, column: c };
  });
}
