/**
 * Renders a report from fresh demo data to xlsx, PDF and PNG pages, for looking at the print layout:
 *   npx tsx scripts/render-report.ts [reportId] [outDir] [peoplePerUnit]
 * Needs LibreOffice (`libreoffice --headless`) and poppler (`pdftoppm`) on PATH.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateDemo } from '../core/demo/generate';
import { openLedger } from '../core/ledger';
import { exportInput } from '../core/reports/schemas';
import { exportReport } from '../core/reports/service';

const [reportId = 'people-roster', outArg = 'out/render', perUnitArg] = process.argv.slice(2);
const outDir = resolve(outArg);
mkdirSync(outDir, { recursive: true });

const dataDir = mkdtempSync(join(tmpdir(), 'ledger-render-'));
const ledger = await openLedger({ dataDir });
try {
  generateDemo(ledger.ctx, perUnitArg ? { peoplePerUnit: Number(perUnitArg) } : {});
  const result = await exportReport(ledger.ctx, exportInput.parse({ reportId }));
  const xlsx = join(outDir, `${reportId}.xlsx`);
  writeFileSync(xlsx, result.buffer);
  console.log(`${result.fileName}: ${result.rowCount} rows → ${xlsx}`);

  // A private profile keeps LibreOffice from clashing with any instance the user has open.
  const profile = `file://${join(dataDir, 'lo-profile')}`;
  execFileSync('libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, xlsx], { stdio: 'inherit' });
  const pdf = join(outDir, `${reportId}.pdf`);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', pdf, join(outDir, reportId)], { stdio: 'inherit' });
  console.log(execFileSync('pdfinfo', [pdf]).toString().split('\n').filter((l) => /Pages|Page size/.test(l)).join('\n'));
  console.log(readdirSync(outDir).filter((f) => f.startsWith(reportId)).map((f) => join(outDir, f)).join('\n'));
} finally {
  ledger.close();
  rmSync(dataDir, { recursive: true, force: true });
}
