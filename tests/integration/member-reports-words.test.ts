/**
 * No program words on paper: every visible cell of every 发展党员 report this module builds, exported on the
 * demo township (files at every stage, with deliberate faults), is scanned for ASCII identifiers. Only rule
 * ids of the rule table (R02, R11b, ORD, DAT) may appear; dates, numbers and percentages carry no letters, and a masked 公民身份号码's
 * check character X is cut out first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../core/demo/generate';
import type { LedgerHost } from '../../core/host';
import { readWorkbook } from '../../core/excel/read';
import { dateLabel } from '../../core/members/reports/compliance';
import { RULE_IDS } from '../../core/members/rule-table';
import type { ExportResult } from '../../core/reports/schemas';
import { startHost } from '../helpers/ledger';

const REPORTS = ['members-stats', 'members-stats-2', 'members-review', 'members-reminders', 'members-compliance', 'members-dormant'];
const RULE_ID = { test: (word: string) => (RULE_IDS as readonly string[]).includes(word) };
const ID_NUMBER = /\d{6}[\d*]{8}[\d*]{3}[\dXx*]/g;

let host: LedgerHost;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ host, close } = await startHost({ setUp: false }));
  generateDemo(host.context);
}, 60_000);

afterAll(() => close?.());

/** ASCII words in the visible sheets that are not rule ids, with where they were found. */
async function programWords(reportId: string, params: Record<string, unknown> = {}): Promise<string[]> {
  const result = (await host.invoke('reports.export', { reportId, ...params })) as ExportResult;
  const book = await readWorkbook(Buffer.from(result.base64, 'base64'));
  const found: string[] = [];
  for (const sheet of book.sheets.filter((s) => s.state === 'visible')) {
    sheet.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === 'boolean') found.push(`${sheet.name}!R${r + 1}C${c + 1}: ${v}`);
        if (typeof v !== 'string') return;
        for (const word of v.replace(ID_NUMBER, '').match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
          if (!RULE_ID.test(word)) found.push(`${sheet.name}!R${r + 1}C${c + 1}: ${word} in “${v.slice(0, 60)}”`);
        }
      }),
    );
  }
  return found;
}

describe('发展党员 reports print no program words', () => {
  for (const id of REPORTS) {
    it(id, async () => {
      expect(await programWords(id)).toEqual([]);
    });
  }

  it('the 合规检查表 names every date in Chinese, keys the rules may add later included', () => {
    for (const key of ['finalLimit', 'limit', 'someFutureKey', 'constructor', 'toString', 'step12', 'P']) {
      expect(dateLabel(key), key).toMatch(/^[^A-Za-z]+$/);
    }
    expect(dateLabel('finalLimit')).toBe('最迟期限');
    expect(dateLabel('P')).toBe('上级党委审批日期');
  });
});
