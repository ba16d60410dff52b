/**
 * 按上级模板填报 on forms the ledger has never seen: written by openpyxl (tests/helpers/make_forms.py) in their own
 * wording and order, with a two-row header of merged cells, borders, fonts, fills, widths, print setup and a formula
 * 合计 row, plus a matrix form of villages × counts. Everything is read back with openpyxl
 * (tests/helpers/read_form.py), not with the ledger's own reader, and the filled files are rendered by LibreOffice
 * into scratch/form-fill/ to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type Io } from '../../cli/commands';
import { parseArgs } from '../../core/args';
import { generateDemo } from '../../core/demo/generate';
import type { AnalyseResult, FillResult } from '../../core/forms/schemas';
import type { Unit } from '../../core/org/schemas';
import type { ExportResult } from '../../core/reports/schemas';
import { makeIdNumber, startHost } from '../helpers/ledger';

const PY = '/usr/bin/python3';
const SCRATCH = resolve('scratch/form-fill');

interface Dump {
  maxRow: number;
  cells: Record<string, string | number>;
  looks: Record<string, unknown>;
  merges: string[];
  widths: Record<string, number>;
  heights: Record<string, number>;
  print: Record<string, unknown>;
  conditional: string[];
  names: [string, string][];
  freeze: string | null;
}

function dump(file: string): Dump {
  return JSON.parse(execFileSync(PY, ['tests/helpers/read_form.py', file], { encoding: 'utf8' })) as Dump;
}

function makeForms(dir: string, villages?: string[]): void {
  execFileSync(PY, ['tests/helpers/make_forms.py', dir, ...(villages ? ['--villages', villages.join(',')] : [])]);
}

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** PDF and PNG of a filled form under scratch/form-fill/, in a LibreOffice profile of its own; the PDF's text. */
function render(file: string): string {
  mkdirSync(SCRATCH, { recursive: true });
  const profile = `file:///tmp/lo-form-fill-${process.pid}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', SCRATCH, file], { stdio: 'ignore', timeout: 120_000 });
  const pdf = join(SCRATCH, file.split('/').at(-1)!.replace(/\.xlsx$/, '.pdf'));
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, pdf.replace(/\.pdf$/, '')]);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

/** What `ledger` prints, kept, and the real file system. */
function cliIo(): { out: string[]; err: string[]; io: Io } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t) => out.push(t), err: (t) => err.push(t), writeFile: (p, d) => writeFileSync(p, d), readFile: (p) => readFileSync(p) } };
}

const noDollar = (s: unknown) => String(s).replace(/[$']/g, '');

describe('a list form: 人员 into the department’s own 登记表', () => {
  let ctx: Awaited<ReturnType<typeof startHost>>;
  let form: Buffer;
  let original: Dump;
  let filled: Dump;
  let result: FillResult;
  let analysed: AnalyseResult;
  const PEOPLE = 14;
  const made = new Map<string, { idNumber: string; phone: string }>();

  beforeAll(async () => {
    ctx = await startHost();
    const units = (await ctx.host.invoke('org.listUnits', {})) as Unit[];
    for (let i = 0; i < PEOPLE; i++) {
      const birth = `19${70 + i}-0${(i % 9) + 1}-1${i % 10}`;
      const name = `${'赵钱孙李周吴郑王冯陈褚卫蒋沈'[i]}${'明华刚强'[i % 4]}`;
      const idNumber = makeIdNumber(birth, i % 2 ? '女' : '男', i + 1);
      const phone = `1390971${String(1000 + i)}`;
      made.set(name, { idNumber, phone });
      await ctx.host.invoke('people.create', {
        name,
        idNumber,
        gender: i % 2 ? '女' : '男',
        birthDate: birth,
        ethnicity: i % 5 === 0 ? '03' : '01',
        education: i % 3 ? '21' : '71',
        unitId: units[i % units.length]!.id,
        phone,
        ...(i === 3 ? { note: '外出务工' } : {}),
      });
    }
    makeForms(ctx.dir);
    form = readFileSync(join(ctx.dir, 'roster-form.xlsx'));
    original = dump(join(ctx.dir, 'roster-form.xlsx'));
    analysed = (await ctx.host.invoke('forms.analyse', { fileName: '登记表.xlsx', base64: form.toString('base64') })) as AnalyseResult;
    result = (await ctx.host.invoke('forms.fill', { fileName: '登记表.xlsx', base64: form.toString('base64'), reportId: analysed.reportId })) as FillResult;
    const out = join(ctx.dir, 'roster-filled.xlsx');
    writeFileSync(out, Buffer.from(result.base64, 'base64'));
    filled = dump(out);
  }, 120_000);
  afterAll(() => ctx?.close());

  it('finds the title, the two-row header, the blank rows and the 合计 row, and picks the people roster', () => {
    expect(analysed).toMatchObject({ title: '湟中区村级人员基本情况登记表', headerRows: [3, 4], dataStart: 5, blankRows: 2, totalRows: [7], shape: 'list', reportId: 'people-roster', remembered: null });
    const by = Object.fromEntries(analysed.columns.map((c) => [c.header, c.key]));
    expect(by).toEqual({
      序号: '__seq',
      姓名: 'name',
      所属村: 'unitName',
      '基本情况/性别': 'gender',
      '基本情况/出生年月': 'birthDate',
      '基本情况/文化程度': 'education',
      '基本情况/身份证号码': 'idNumber',
      '联系方式/手机号码': 'phone',
      家庭人口: null,
      备注: 'note',
    });
  });

  it('writes every person under the right header, numbered, and lists the column it could not fill', () => {
    expect(result.rowCount).toBe(PEOPLE);
    expect(result.unmapped).toEqual([{ col: 'I', header: '家庭人口' }]);
    const names = new Set<string>();
    for (let i = 0; i < PEOPLE; i++) {
      const r = 5 + i;
      expect(filled.cells[`A${r}`]).toBe(i + 1);
      const name = String(filled.cells[`B${r}`]);
      names.add(name);
      const person = made.get(name)!;
      expect(person, `row ${r}: ${name}`).toBeTruthy();
      // The person's own facts on the same row: masked 公民身份号码 (first 4, last 4), phone.
      expect(filled.cells[`G${r}`]).toBe(`${person.idNumber.slice(0, 4)}${'*'.repeat(10)}${person.idNumber.slice(-4)}`);
      expect(filled.cells[`H${r}`]).toBe(person.phone);
      expect(['男', '女']).toContain(filled.cells[`D${r}`]);
      expect(['大学本科', '初中']).toContain(filled.cells[`F${r}`]);
      expect(filled.cells[`E${r}`]).toMatch(/^19\d\d-\d\d-\d\d$/);
      expect(filled.cells[`I${r}`]).toBeUndefined();
    }
    expect(names.size).toBe(PEOPLE);
    expect(Object.values(filled.cells)).toContain('外出务工');
  });

  it('keeps the header’s look, the widths, the merges and the print setup, and moves the 合计 row down with its formulas stretched', () => {
    const added = PEOPLE - 2;
    for (const r of [1, 2, 3, 4]) for (const c of 'ABCDEFGHIJ') expect(filled.looks[`${c}${r}`], `${c}${r}`).toEqual(original.looks[`${c}${r}`]);
    expect(filled.widths).toEqual(original.widths);
    for (const r of ['1', '3', '4']) expect(filled.heights[r]).toBe(original.heights[r]);
    // Every added row looks like the form's first data row, height included.
    for (let r = 7; r <= 6 + added; r++) {
      for (const c of 'ABCDEFGHIJ') expect(filled.looks[`${c}${r}`], `${c}${r}`).toEqual(original.looks[`${c}5`]);
      expect(filled.heights[String(r)]).toBe(original.heights['5']);
    }
    const total = 7 + added;
    expect(filled.cells[`A${total}`]).toBe('合计');
    expect(filled.cells[`C${total}`]).toBe(`=COUNTA(B5:B${4 + PEOPLE})&"人"`);
    expect(filled.cells[`I${total}`]).toBe(`=SUM(I5:I${4 + PEOPLE})`);
    for (const c of 'ABCDEFGHIJ') expect(filled.looks[`${c}${total}`], `${c}${total}`).toEqual(original.looks[`${c}7`]);
    expect(filled.cells[`A${total + 1}`]).toMatch(/^填表人/);
    expect(filled.merges.sort()).toEqual(['A1:J1', 'A2:J2', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:G3', 'I3:I4', 'J3:J4', `A${total}:B${total}`, `A${total + 1}:J${total + 1}`].sort());
    const { titleRows, area, ...print } = filled.print;
    const { titleRows: t0, area: _a0, ...print0 } = original.print;
    expect(print).toEqual(print0);
    expect(noDollar(titleRows)).toBe(noDollar(t0));
    expect(noDollar(area)).toBe(`A1:J${total + 1}`);
    expect(filled.conditional).toEqual([`I5:I${4 + PEOPLE}`]);
    expect(filled.names.map(([n, r]) => [n, noDollar(r)])).toEqual([['家庭人口合计', `登记表!I${total}`]]);
    expect(filled.freeze).toBe(original.freeze);
  });

  it('remembers the corrected mapping for this form and opens it that way the second time', async () => {
    const fixed = (await ctx.host.invoke('forms.fill', {
      fileName: '登记表.xlsx',
      base64: form.toString('base64'),
      reportId: 'people-roster',
      mapping: { I: 'hukou', H: null },
    })) as FillResult;
    expect(fixed.unmapped).toEqual([{ col: 'H', header: '联系方式/手机号码' }]);
    const again = (await ctx.host.invoke('forms.analyse', { fileName: '十二月登记表.xlsx', base64: form.toString('base64') })) as AnalyseResult;
    expect(again.remembered).toMatchObject({ reportId: 'people-roster' });
    expect(again.columns.find((c) => c.col === 'I')).toMatchObject({ key: 'hukou', match: 'remembered' });
    expect(again.columns.find((c) => c.col === 'H')).toMatchObject({ key: null, match: 'remembered' });
    // Filling without a mapping now uses the remembered one.
    const third = (await ctx.host.invoke('forms.fill', { fileName: '登记表.xlsx', base64: form.toString('base64'), reportId: 'people-roster' })) as FillResult;
    expect(third.mapping.find((m) => m.col === 'I')).toMatchObject({ key: 'hukou', label: '户籍地' });
    const audit = (await ctx.host.invoke('audit.list', { entity: 'form_mapping' })) as { items: { summary: string }[] };
    expect(audit.items[0]?.summary).toContain('湟中区村级人员基本情况登记表');
  });

  it('refuses a mapping to a field the dataset has not, and a list dataset for a matrix form, in Chinese', async () => {
    const bad = await ctx.host.call('forms.fill', { fileName: 'x.xlsx', base64: form.toString('base64'), reportId: 'people-roster', mapping: { I: 'familySize' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toBe('第 I 列要填的项目“familySize”不在所选数据中。');
    const stray = await ctx.host.call('forms.fill', { fileName: 'x.xlsx', base64: form.toString('base64'), reportId: 'people-roster', mapping: { 家庭住址: 'hukou' } });
    expect(stray.ok).toBe(false);
    if (!stray.ok) expect(stray.error.message).toBe('“家庭住址”不是这张表格的表头。');
    const matrix = readFileSync(join(ctx.dir, 'matrix-form.xlsx')).toString('base64');
    const wrong = await ctx.host.call('forms.fill', { fileName: 'm.xlsx', base64: matrix, reportId: 'people-roster' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toContain('不能用名单“人员花名册”填报');
  });

  it('`ledger fill` fills with a mapping file keyed by header text and prints the mapping and the unmapped columns', async () => {
    const dir = ctx.dir;
    writeFileSync(join(dir, 'mapping.json'), JSON.stringify({ 家庭人口: 'hukou', 手机号码: 'phone' }));
    const { out, err, io } = cliIo();
    const argv = ['fill', join(dir, 'roster-form.xlsx'), '--report', 'people-roster', '--out', join(dir, 'cli.xlsx'), '--mapping', join(dir, 'mapping.json'), '--unit', '多巴一村'];
    const args = parseArgs(argv);
    const code = await runCommand(ctx.host, args.rest[0]!, args.rest.slice(1), args, io);
    expect(err.join('\n')).not.toContain('"ok": false');
    expect(code).toBe(0);
    const printed = JSON.parse(out.join('\n')) as { rowCount: number; mapping: { col: string; key: string }[]; unmapped: unknown[] };
    expect(printed.mapping).toContainEqual(expect.objectContaining({ col: 'I', key: 'hukou' }));
    expect(printed.unmapped).toEqual([]);
    // 多巴一村 only: every third person.
    expect(printed.rowCount).toBe(Math.ceil(PEOPLE / 3));
    const cli = dump(join(dir, 'cli.xlsx'));
    for (let r = 5; r < 5 + printed.rowCount; r++) expect(cli.cells[`C${r}`]).toBe('多巴一村');
  });

  it('finds the table on the second sheet when the form opens on a 填表说明 sheet, and says which sheet has no header when that one is chosen', async () => {
    const twoSheets = readFileSync(join(ctx.dir, 'roster-form-with-notes.xlsx')).toString('base64');
    const found = (await ctx.host.invoke('forms.analyse', { fileName: '登记表.xlsx', base64: twoSheets })) as AnalyseResult;
    expect(found).toMatchObject({ sheet: '登记表', sheets: ['填表说明', '登记表'], title: '湟中区村级人员基本情况登记表', headerRows: [3, 4] });
    const filledTwo = (await ctx.host.invoke('forms.fill', { fileName: '登记表.xlsx', base64: twoSheets, reportId: 'people-roster' })) as FillResult;
    expect(filledTwo.rowCount).toBe(PEOPLE);
    const out = join(ctx.dir, 'two-sheets-filled.xlsx');
    writeFileSync(out, Buffer.from(filledTwo.base64, 'base64'));
    // The instructions stay as they were; the names went onto the form.
    const py = `import openpyxl,json,sys; wb=openpyxl.load_workbook(sys.argv[1]); print(json.dumps([wb.sheetnames, wb['填表说明']['A3'].value, wb['登记表']['B5'].value], ensure_ascii=False))`;
    const [names, note, first] = JSON.parse(execFileSync(PY, ['-c', py, out], { encoding: 'utf8' })) as [string[], string, string];
    expect(names).toEqual(['填表说明', '登记表']);
    expect(note).toBe('1. 请各村如实填写，不得漏报。');
    expect(made.has(first)).toBe(true);
    const chosen = await ctx.host.call('forms.analyse', { fileName: '登记表.xlsx', base64: twoSheets, sheetName: '填表说明' });
    expect(chosen.ok).toBe(false);
    if (!chosen.ok) expect(chosen.error.message).toContain('在工作表“填表说明”的前 20 行中没有找到表头');
  });

  it('`ledger fill --sheet` naming a sheet the form has not: the ledger\'s own message and the sheets there are, not 程序内部错误', async () => {
    const { err, io } = cliIo();
    const target = join(ctx.dir, 'never-sheet.xlsx');
    const args = parseArgs(['fill', join(ctx.dir, 'roster-form-with-notes.xlsx'), '--report', 'people-roster', '--sheet', '汇总表', '--out', target]);
    const code = await runCommand(ctx.host, args.rest[0]!, args.rest.slice(1), args, io);
    expect(code).not.toBe(0);
    const { error } = JSON.parse(err.join('\n')) as { error: unknown };
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: '表格中没有名为“汇总表”的工作表。', hint: '表格中的工作表：填表说明、登记表' });
    expect(existsSync(target)).toBe(false);
  });

  it('`ledger fill` with a mapping file that is not JSON says what to check, in Chinese, and writes nothing', async () => {
    const dir = ctx.dir;
    // A clerk's hand-typed mapping: full-width quotes and colon, as a Chinese input method types them.
    writeFileSync(join(dir, 'bad-mapping.json'), '{“家庭人口”：“hukou”}');
    const { out, err, io } = cliIo();
    const target = join(dir, 'never.xlsx');
    const argv = ['fill', join(dir, 'roster-form.xlsx'), '--report', 'people-roster', '--out', target, '--mapping', join(dir, 'bad-mapping.json')];
    const args = parseArgs(argv);
    const code = await runCommand(ctx.host, args.rest[0]!, args.rest.slice(1), args, io).catch((e: Error) => {
      err.push(e.message);
      return 2;
    });
    expect(code).not.toBe(0);
    const said = [...out, ...err].join('\n');
    expect(said).toContain('不是有效的 JSON');
    expect(said).toContain('英文半角');
    expect(said).not.toMatch(/Unexpected|position|token/i);
    expect(existsSync(target)).toBe(false);
  });

  it.skipIf(!hasSoffice)('renders in LibreOffice with every person and the computed 合计', () => {
    const file = join(ctx.dir, 'roster-filled.xlsx');
    const text = render(file);
    expect(text).toContain('湟中区村级人员基本情况登记表');
    expect(text).toContain(`${PEOPLE}人`);
    expect(text).toMatch(/赵明/);
    expect(text).toMatch(/沈强|沈刚|沈华|沈明/);
  }, 150_000);
});

describe('a matrix form: villages × counts from the 后备人才 statistics', () => {
  let ctx: Awaited<ReturnType<typeof startHost>>;
  let filled: Dump;
  let result: FillResult;
  let villages: string[];
  let stats: Record<string, Record<string, number>>;

  beforeAll(async () => {
    ctx = await startHost({ setUp: false });
    generateDemo(ctx.host.context);
    villages = ctx.host.context.sqlite.prepare("SELECT name FROM org_units WHERE name LIKE '%村' ORDER BY sort_order LIMIT 3").pluck().all() as string[];
    // The department's own wording: one village as 村委会, and one row the township does not have.
    makeForms(ctx.dir, [`${villages[0]}村委会`, villages[1]!, villages[2]!, '某某新村']);
    const form = readFileSync(join(ctx.dir, 'matrix-form.xlsx'));
    result = (await ctx.host.invoke('forms.fill', { fileName: '统计表.xlsx', base64: form.toString('base64'), reportId: 'reserves-stats' })) as FillResult;
    writeFileSync(join(ctx.dir, 'matrix-filled.xlsx'), Buffer.from(result.base64, 'base64'));
    filled = dump(join(ctx.dir, 'matrix-filled.xlsx'));
    // The ledger's own 统计表, read back by openpyxl from its _data sheet.
    const exported = (await ctx.host.invoke('reports.export', { reportId: 'reserves-stats' })) as ExportResult;
    writeFileSync(join(ctx.dir, 'stats.xlsx'), Buffer.from(exported.base64, 'base64'));
    const data = JSON.parse(
      execFileSync(PY, ['-c', 'import json,sys,openpyxl; ws=openpyxl.load_workbook(sys.argv[1])["_data"]; rows=list(ws.iter_rows(values_only=True)); print(json.dumps([dict(zip(rows[0], r)) for r in rows[1:]], ensure_ascii=False))', join(ctx.dir, 'stats.xlsx')], { encoding: 'utf8' }),
    ) as Record<string, number>[];
    stats = Object.fromEntries(data.map((r) => [String(r.unitName), r]));
  }, 120_000);
  afterAll(() => ctx?.close());

  it('fills each village row cell by cell under the matching count columns, keeps the SUM row and leaves the unknown column empty', () => {
    const cols: [string, string][] = [['B', 'total'], ['C', 'age0'], ['D', 'age1'], ['E', 'age3'], ['F', 'edu1'], ['G', 'edu5'], ['H', 'party']];
    villages.forEach((v, i) => {
      for (const [col, key] of cols) expect(filled.cells[`${col}${5 + i}`], `${v} ${col}`).toBe(stats[v]![key]);
      expect(filled.cells[`I${5 + i}`]).toBeUndefined();
    });
    expect(villages.some((v) => stats[v]!.total! > 0)).toBe(true);
    for (const col of 'BCDEFGH') expect(filled.cells[`${col}9`]).toBe(`=SUM(${col}5:${col}8)`);
    for (const col of 'BCDEFGH') expect(filled.cells[`${col}8`]).toBeUndefined();
    expect(result.rowCount).toBe(3);
    expect(result.unmapped).toEqual([{ col: 'I', header: '村集体经济收入' }]);
    expect(result.notes.join('\n')).toContain('未填写：某某新村');
  });

  it.skipIf(!hasSoffice)('renders in LibreOffice with the village figures summed by the form’s own formulas', () => {
    const text = render(join(ctx.dir, 'matrix-filled.xlsx'));
    const sum = villages.reduce((a, v) => a + stats[v]!.total!, 0);
    const totalLine = text.split('\n').find((l) => /合\s*计/.test(l))!;
    expect(totalLine.trim().split(/\s+/)).toContain(String(sum));
  }, 150_000);
});
