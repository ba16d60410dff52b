/** The import shapes as the contract delivers them, and the Chinese words the import page shares. */
import type { MethodOutput } from '../../../../core/api/contract';
import type { IMPORT_KINDS, ImportPreviewOut } from '../../../../core/import/schemas';

export type ImportKindId = (typeof IMPORT_KINDS)[number];
export type Preview = ImportPreviewOut;
export type PreviewRow = Preview['rows'][number];
export type CellProblem = PreviewRow['problems'][number];
export type RowStatus = PreviewRow['status'];
export type Batch = MethodOutput<'import.batches'>[number];
/** Column letter → field key, or null for 不导入. */
export type Mapping = Record<string, string | null>;

/** What import.commit's job leaves in `result` (core/import/schemas.ts commitResult). */
export interface CommitResult {
  batchId: number | null;
  inserted: number;
  updated: number;
  skipped: number;
  errors: number;
}

/** The file the clerk picked, read once in the browser. */
export interface PickedFile {
  fileName: string;
  base64: string;
}

export const KIND_LABEL: Record<ImportKindId, string> = {
  people: '人员',
  org: '组织（村、社区与党组织）',
  members: '发展党员台账',
  reserves: '村“两委”后备人才',
  'reserve-trainings': '后备人才培训记录',
  centres: '村级综合服务中心',
  'centre-progress': '服务中心形象进度',
};

export const KIND_HINT: Record<ImportKindId, string> = {
  people: '按公民身份号码识别人员：库中没有的新增，有的更新，内容相同的跳过。',
  org: '每行一个村（社区）及其一个党组织：按名称识别，台账中已有的跳过（多巴一村与多巴一村委会视为同一个村）。',
  members: '一人一行的发展党员台账（如本台账导出的花名册）：人员按公民身份号码识别，人员库中没有的同时新增；各节点日期按发展党员工作细则检查。',
  reserves: '每名后备人才一行：按公民身份号码识别，人员库中没有的人同时新增；已在名册中的更新，内容相同的跳过。来源类别、岗位方向须是本乡镇设置中的选项。',
  'reserve-trainings': '每人每次培训一行：按身份证号、培养类型和开始日期识别，此人须已在后备人才名册中；经费填此人名下的金额（元）。',
  centres: '每个村（社区）一行：按村名识别，没有的新增并自动生成倒排工期；列名写“万元”的金额按万元读取，各资金来源之和须等于总投资。',
  'centre-progress': '每个村（社区）每次进度一行：按村名和日期识别；进度低于此前的须在“说明”列写明原因。',
};

export const STATUSES: readonly RowStatus[] = ['新增', '更新', '跳过', '错误'];

export const STATUS_COLOR: Record<RowStatus, string> = { 新增: 'green', 更新: 'blue', 跳过: 'default', 错误: 'red' };

/** "列 E（身份证号码）「6301…」：校验码不对" — where in the file, what it says there, and what is wrong. */
export function problemText(p: CellProblem): string {
  const where = p.col ? `列 ${p.col}${p.header ? `（${p.header}）` : ''}` : '';
  const value = p.value ? `「${p.value}」` : '';
  return where || value ? `${where}${value}：${p.message}` : p.message;
}

/** The mapping the preview was read with, as import.preview takes it back. */
export function mappingOf(preview: Preview): Mapping {
  return Object.fromEntries(preview.columns.map((c) => [c.col, c.key]));
}
