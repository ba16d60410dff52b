/**
 * What the engine refuses or passes over before a row is read: encrypted and old-format files, masked exports,
 * data left on a hidden sheet, formula error values, and the 合计 / signature lines under a roster. Pure.
 */
import { LedgerError } from '../errors';
import type { PlainValue, SheetData } from '../excel/read';
import type { ColumnMatch, FieldDef } from './header';
import { findHeader } from './header';
import { cellText } from './values';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An OLE compound file is an .xls, an .et, or an .xlsx with a password (Excel and WPS wrap those in OLE). */
export function refuseOle(bytes: Buffer): void {
  if (!bytes.subarray(0, 8).equals(OLE)) return;
  if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
    throw new LedgerError('INVALID_INPUT', '这个文件设置了打开密码（已加密），台账无法读取。', {
      hint: '请用 WPS/Excel 输入密码打开，在“文件—加密/保护”中取消密码，再“另存为” .xlsx 后重试。',
    });
  }
  throw new LedgerError('INVALID_INPUT', '这是旧版 .xls 文件或加密的文件，台账只能读取 .xlsx。', {
    hint: '请用 WPS/Excel 打开后“另存为” .xlsx 格式（如有密码请先取消密码）再导入。',
  });
}

const ERROR_VALUES: Record<string, string> = {
  '#REF!': '公式引用的单元格已被删除',
  '#N/A': '公式查找不到对应的值',
  '#VALUE!': '公式的参数类型不对',
  '#DIV/0!': '公式除以了零',
  '#NAME?': '公式中有无法识别的名称',
  '#NUM!': '公式的数值无效',
  '#NULL!': '公式引用的区域不相交',
  '#SPILL!': '公式结果无法展开',
  '#CALC!': '公式无法计算',
  '#GETTING_DATA': '公式数据尚未取得',
};

/** A formula's error result as the reader gives it (the error text): a Chinese reason, or null for a real value. */
export function formulaError(v: PlainValue): string | null {
  if (typeof v !== 'string') return null;
  const why = ERROR_VALUES[v.trim().toUpperCase()];
  return why ? `单元格是公式错误值 ${v.trim()}（${why}），请改为实际内容（可复制后“选择性粘贴—数值”）` : null;
}

const TOTAL = /^(合\s*计|总\s*计|小\s*计|共\s*计)/;
const SIGNATURE = /(填报人|填表人|制表人|审核人|负责人|签\s*名|盖\s*章|报出日期|填报日期)/;

/**
 * The lines a roster ends with: a 合计 row (its first cell says so) and the signature block (填报人、审核人、盖章…).
 * Passed over like blank rows, so the ledger's own exports re-import cleanly.
 */
export function isTrailerRow(cells: readonly PlainValue[]): boolean {
  const texts = cells.map((v) => (typeof v === 'string' ? cellText(v) : v === null ? '' : String(v))).filter(Boolean);
  if (texts.length === 0) return false;
  if (TOTAL.test(texts[0]!)) return true;
  return texts.some((t) => SIGNATURE.test(t)) && texts.every((t) => SIGNATURE.test(t) || !/\d{6,}/.test(t));
}

/**
 * An export made with ID numbers masked (6301**********123X) cannot say who anyone is: refused as a whole, so that
 * nobody imports half a file and wonders where the rest went.
 */
export function refuseMasked(columns: readonly ColumnMatch[], dataRows: readonly PlainValue[][]): void {
  const id = columns.find((c) => c.key === 'idNumber');
  if (!id) return;
  const masked = dataRows.find((r) => /[*＊]{3,}/.test(cellText(r[id.col] ?? null)));
  if (!masked) return;
  throw new LedgerError('INVALID_INPUT', `这是脱敏导出的文件：公民身份号码被隐去了中间几位（如 ${cellText(masked[id.col] ?? null)}），无法据此识别人员，不能导入。`, {
    hint: '请在台账中重新导出，导出时选择“不脱敏”（命令行加 --no-mask），再用那份文件导入。',
  });
}

/** No visible sheet has the header, but a hidden one does: say so rather than "找不到表头". */
export function refuseHiddenData(sheets: readonly SheetData[], fields: readonly FieldDef[]): void {
  const hidden = sheets.find((s) => s.state === 'hidden' && s.rows.length > 1 && findHeader(s, fields)?.missing.length === 0);
  if (!hidden) return;
  throw new LedgerError('INVALID_INPUT', `数据在隐藏的工作表“${hidden.name}”中，台账只读取可见的工作表。`, {
    hint: '请在 WPS/Excel 中右键工作表标签选择“取消隐藏”，显示该工作表后保存，再导入。',
  });
}
