/**
 * An export with full 公民身份号码 (上报用, `maskIdNumbers: false`, `ledger export --no-mask`) is itself an audit entry:
 * the file leaves the office on a USB stick or by WeChat, so the log says who took it (the Windows account and the
 * computer), when, which report and how many ID numbers it carried unmasked.
 */
import { hostname, userInfo } from 'node:os';
import { inTransaction, type LedgerContext } from '../context';
import { recordAudit } from './service';

export const EXPORT_ENTITY = 'report_export';
export const EXPORT_ACTION = '导出';

/** A full 18-digit number (or an old 15-digit one); a masked one carries '*' and never matches. */
const FULL_ID = /^(\d{17}[\dX]|\d{15})$/i;

export interface Exporter {
  windowsUser: string;
  computer: string;
}

/** Who is at the keyboard, as Windows knows them. userInfo() throws on accounts without a profile entry. */
export function currentExporter(): Exporter {
  let windowsUser = '';
  try {
    windowsUser = userInfo().username;
  } catch {
    windowsUser = process.env.USERNAME ?? process.env.USER ?? '';
  }
  let computer = '';
  try {
    computer = hostname();
  } catch {
    computer = process.env.COMPUTERNAME ?? '';
  }
  return { windowsUser: windowsUser || '（未知）', computer: computer || '（未知）' };
}

/**
 * Counted in the file as written, not in the query behind it: whatever a report prints (the sheet, its `_data`
 * copy, a card), each distinct full number is counted once.
 */
export async function countFullIdNumbers(buffer: Buffer): Promise<number> {
  const found = new Set<string>();
  // Loaded here, not at the top: the report catalogue must not pull exceljs in before a report is built.
  const { readWorkbook } = await import('../excel/read');
  const book = await readWorkbook(buffer);
  for (const sheet of book.sheets) {
    for (const row of sheet.rows) {
      for (const cell of row) {
        if (typeof cell === 'string' && FULL_ID.test(cell.trim())) found.add(cell.trim().toUpperCase());
      }
    }
  }
  return found.size;
}

export interface UnmaskedExport {
  reportId: string;
  title: string;
  fileName: string;
  rowCount: number;
  idNumbers: number;
  from?: string | null;
  to?: string | null;
  unitIds?: number[] | null;
}

export function recordUnmaskedExport(ctx: LedgerContext, exp: UnmaskedExport, who: Exporter = currentExporter()): void {
  const after = {
    report: exp.title,
    reportId: exp.reportId,
    fileName: exp.fileName,
    idNumbers: exp.idNumbers,
    rowCount: exp.rowCount,
    windowsUser: who.windowsUser,
    computer: who.computer,
    ...(exp.from ? { from: exp.from } : {}),
    ...(exp.to ? { to: exp.to } : {}),
    ...(exp.unitIds?.length ? { unitIds: exp.unitIds } : {}),
  };
  inTransaction(ctx, () =>
    recordAudit(ctx, {
      entity: EXPORT_ENTITY,
      action: EXPORT_ACTION,
      summary: `上报用导出“${exp.title}”，含完整身份证号 ${exp.idNumbers} 个（Windows 用户 ${who.windowsUser}，计算机 ${who.computer}）`,
      after,
    }),
  );
}
