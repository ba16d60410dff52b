/**
 * Blank templates: the kind's columns as the header, one example row, drop-downs (数据有效性) for coded fields, and
 * a 填写说明 sheet. A filled template imports with every column matched.
 */
import ExcelJS from 'exceljs';
import type { LedgerContext } from '../context';
import { EDUCATIONS, ETHNICITIES, GENDERS, OCCUPATIONS } from '../people/codes';
import { cachedStatement } from '../schema/statements';
import { colLetter, type FieldDef } from './header';
import type { ImportKind } from './kind';

interface TemplateSpec {
  example: Record<string, string | number>;
  /** Coded fields: the list their drop-down offers. */
  lists: Record<string, (ctx: LedgerContext) => string[]>;
  notes: string[];
}

const villages = (ctx: LedgerContext) => (cachedStatement(ctx.sqlite, 'SELECT name FROM org_units WHERE retired_at IS NULL ORDER BY sort_order, id', 'pluck').all() as string[]);

const SPECS: Record<string, TemplateSpec> = {
  people: {
    example: { name: '马文明', gender: '男', ethnicity: '回族', birthDate: '1990-03-01', idNumber: '630122199003010012', education: '大学专科', occupation: '农牧渔民', jobPost: '个体工商户', unit: '', phone: '13800000000', hukou: '青海省西宁市湟中区', note: '' },
    lists: {
      gender: () => [...GENDERS],
      ethnicity: () => ETHNICITIES.map((e) => e.name),
      education: () => EDUCATIONS.map((e) => e.name),
      occupation: () => [...OCCUPATIONS],
      unit: villages,
    },
    notes: [
      '1. 带 * 的列必须填写；其余可以空着，空着的列导入时不会覆盖台账中已有的内容。',
      '2. 公民身份号码请设为“文本”格式后填写（本模板已设好），否则 Excel 会丢掉末尾几位。性别、出生日期可不填，由身份证号自动带出。',
      '3. 日期可写作 2023-05-12、2023.5.12、2023/5/12 或 2023年5月12日；只写到月（2023.5）的按当月1日导入并提示补全。',
      '4. 民族、学历、职业、所在村（社区）可从下拉列表中选择；民族写“回”或“回族”均可，学历写“大专”“本科”等常见说法也能识别。',
      '5. 已在台账中的人（按公民身份号码识别）会被更新；内容完全相同的行会跳过。导入前会先列出每一行的处理结果，确认后才写入。',
      '6. 第 2 行是示例，导入前请删除或改为真实数据。',
    ],
  },
};

export function templateKinds(): string[] {
  return Object.keys(SPECS);
}

export async function buildTemplate(ctx: LedgerContext, kind: ImportKind<unknown>): Promise<Buffer> {
  const spec = SPECS[kind.id]!;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${kind.label}导入模板`);
  const lists = wb.addWorksheet('下拉选项', { state: 'veryHidden' });
  const header = kind.fields.map((f: FieldDef) => (f.required ? `${f.label}*` : f.label));
  ws.addRow(header).eachCell((cell) => {
    cell.font = { bold: true, name: '宋体' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.addRow(kind.fields.map((f) => spec.example[f.key] ?? ''));
  ws.getRow(2).font = { color: { argb: 'FF888888' }, italic: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  kind.fields.forEach((f, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(10, f.label.length * 2 + 4);
    if (f.key === 'idNumber') {
      col.width = 22;
      col.numFmt = '@';
    }
    const make = spec.lists[f.key];
    if (!make) return;
    const values = make(ctx);
    if (values.length === 0) return;
    // Lists live on a hidden sheet: a data-validation formula holds at most 255 characters.
    const listCol = colLetter(i);
    values.forEach((v, r) => (lists.getCell(`${listCol}${r + 1}`).value = v));
    for (let r = 2; r <= 1001; r++) {
      ws.getCell(`${colLetter(i)}${r}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`'下拉选项'!$${listCol}$1:$${listCol}$${values.length}`],
        showErrorMessage: f.key !== 'unit' && f.key !== 'occupation',
        errorTitle: '不在列表中',
        error: `请从下拉列表中选择${f.label}`,
      };
    }
  });
  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 110;
  help.addRow([`${kind.label}导入模板：填写说明`]).font = { bold: true, size: 14, name: '黑体' };
  for (const line of spec.notes) help.addRow([line]).alignment = { wrapText: true };
  help.addRow([]);
  help.addRow(['各列说明：']).font = { bold: true };
  for (const f of kind.fields) help.addRow([`${f.label}${f.required ? '（必填）' : ''}${f.synonyms?.length ? `：也可写作 ${f.synonyms.join('、')}` : ''}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
