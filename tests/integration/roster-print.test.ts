/**
 * The 全程纪实台账 as a printer sees it: exported on demo data, rendered to PDF by LibreOffice, read back page by
 * page. Every page must carry the title, 填报单位 and the identifying columns; no stage header may be cut
 * between pages; pages run across before down; the signature block is whole on the last page.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../core/demo/generate';
import type { ExportResult } from '../../core/reports/schemas';
import { startHost } from '../helpers/ledger';

const TITLE = '发展党员花名册（全程纪实台账）';
const GROUPS = ['基本信息', '一、申请入党', '二、入党积极分子的确定和培养教育', '三、发展对象的确定和考察', '四、预备党员的接收', '五、预备党员的教育考察和转正', '政审结论'];

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let started: Awaited<ReturnType<typeof startHost>>;
const pages: Record<string, string[]> = {};

beforeAll(async () => {
  if (!hasSoffice) return;
  started = await startHost({ setUp: false });
  generateDemo(started.host.context);
  const files: string[] = [];
  for (const paper of ['A3', 'A4'] as const) {
    const result = (await started.host.invoke('reports.export', { reportId: 'members-roster', paper })) as ExportResult;
    const file = join(started.dir, `roster-${paper}.xlsx`);
    writeFileSync(file, Buffer.from(result.base64, 'base64'));
    files.push(file);
  }
  execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', started.dir, ...files], { stdio: 'ignore', timeout: 170_000 });
  for (const paper of ['A3', 'A4']) {
    const pdf = join(started.dir, `roster-${paper}.pdf`);
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    pages[paper] = Array.from({ length: count }, (_, i) =>
      execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
    );
  }
}, 240_000);

afterAll(() => started?.close());

describe.skipIf(!hasSoffice)('全程纪实台账 printed by LibreOffice', () => {
  for (const paper of ['A3', 'A4'] as const) {
    it(`${paper}: every page has the title, 填报单位 and the identifying columns`, () => {
      const list = pages[paper]!;
      expect(list.length).toBeGreaterThan(1);
      list.forEach((text, i) => {
        expect(text, `page ${i + 1}`).toContain(TITLE);
        expect(text, `page ${i + 1}`).toContain('填报单位：');
        for (const id of ['序号', '村（社区）', '党支部', '姓名']) expect(text, `page ${i + 1}: ${id}`).toContain(id);
      });
    });

    it(`${paper}: pages go across first, and every group header is whole on exactly one page across`, () => {
      const list = pages[paper]!;
      // The first band of pages across ends where a page starts again with 基本信息.
      const across = list.findIndex((t, i) => i > 0 && t.includes('基本信息'));
      expect(across).toBeGreaterThan(1);
      expect(list.length % across).toBe(0);
      for (let band = 0; band < list.length; band += across) {
        for (const group of GROUPS) {
          const on = list.slice(band, band + across).filter((t) => t.includes(group)).length;
          expect(on, `${group} in the band from page ${band + 1}`).toBe(1);
        }
      }
    });

    it(`${paper}: the signature block is whole on the last page and nowhere else`, () => {
      const list = pages[paper]!;
      const last = list.at(-1)!;
      for (const part of ['单位负责人（签名）', '审核人：', '填报人：', '联系电话：', '填报单位（盖章）', '报出日期：']) expect(last).toContain(part);
      expect(list.slice(0, -1).some((t) => t.includes('单位负责人（签名）'))).toBe(false);
    });
  }

  it('A3 needs fewer pages across than A4', () => {
    const across = (list: string[]) => list.findIndex((t, i) => i > 0 && t.includes('基本信息'));
    expect(across(pages.A3!)).toBeLessThan(across(pages.A4!));
  });
});
