/**
 * 区县汇总 at the issue's scale (issue 12: 17 files of 1,000 rows each merge in ≤ 5 s). The 17 files are the
 * 发展党员花名册 (the widest report: 45 columns) of 17 townships of the seed list, written by the report's own sheet
 * builder from the bench township's real rows (cycled to 1,000 and given each township's own ID hashes, so nobody
 * is in two townships). Timed: the whole `district.merge` job as the page and `ledger merge` run it, from the files'
 * base64 to the district's file (reading and hashing every cell of 17 files, the checks, and writing 17,000 rows).
 *
 * usage: tsx tests/bench/merge.ts DATA_DIR [--files 17] [--rows 1000] [--runs 3]   (prints JSON)
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileOrigin } from '../../core/district/origin';
import { mergeDistrict } from '../../core/district/service';
import { buildReport } from '../../core/excel/builder';
import { LedgerHost } from '../../core/host';
import { ROSTER_ID, rosterSheet } from '../../core/members/reports/roster';
import { rosterData } from '../../core/members/reports/roster-data';
import { seedTowns } from '../../core/org/seed';
import { asOf, reportMeta } from '../../core/reports/meta';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const dataDir = args[0]!;
const FILES = opt('files', 17);
const ROWS = opt('rows', 1000);
const RUNS = opt('runs', 3);

const host = new LedgerHost({ dataDir });
await host.start();
const ctx = host.context;
const base = rosterData(ctx, { maskIdNumbers: true });
if (!base.length) throw new Error('the bench township has no 发展档案');
const files: { fileName: string; base64: string }[] = [];
for (const town of seedTowns().slice(0, FILES)) {
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const r = base[i % base.length]!;
    const key = createHash('sha256').update(`${town.name}|${i}|${r.idNumberKey ?? r.idNumber}`).digest('hex');
    return { ...r, seq: i + 1, idNumberKey: key };
  });
  const meta = { ...reportMeta(ctx, ROSTER_ID, asOf('2026-11-27')), paper: 'A3' as const, unitName: `中共湟中区${town.name}委员会` };
  meta.origin = { ...fileOrigin(ctx), level: 'town', areaName: town.name, areaCode: town.code, townName: town.name, townCode: town.code };
  const buffer = await buildReport(meta, [rosterSheet(rows)]);
  files.push({ fileName: `${town.name}.xlsx`, base64: buffer.toString('base64') });
}
await host.close();

// The district's own ledger: an empty data folder, as the 组织部's would be.
const districtDir = mkdtempSync(join(tmpdir(), 'ledger-merge-bench-'));
const district = new LedgerHost({ dataDir: districtDir });
await district.start();
const times: number[] = [];
let rowCount = 0;
try {
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const merged = await mergeDistrict(district.context, { reportId: ROSTER_ID, files, acceptEdited: false });
    times.push(performance.now() - start);
    rowCount = merged.rowCount;
    if (!merged.preview.canMerge || merged.preview.duplicates.length) throw new Error(`unexpected preview: ${merged.preview.lines.slice(0, 3).map((l) => l.text).join(' / ')}`);
  }
} finally {
  await district.close();
  rmSync(districtDir, { recursive: true, force: true });
}
console.log(JSON.stringify({ times, rows: rowCount, files: files.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
