/**
 * Blank templates: the kind's columns as the header, one example row, drop-downs (数据有效性) for coded fields, and
 * a 填写说明 sheet. A filled template imports with every column matched.
 */
import ExcelJS from 'exceljs';
import type { LedgerContext } from '../context';
import { BRANCH_KINDS, EDUCATIONS, ETHNICITIES, GENDERS, OCCUPATIONS, UNIT_KINDS } from '../people/codes';
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
  org: {
    example: { unit: '多巴一村', unitKind: '村', code: '', branch: '中共湟中区多巴镇多巴一村支部委员会', branchKind: '党支部' },
    lists: { unitKind: () => [...UNIT_KINDS], branchKind: () => [...BRANCH_KINDS] },
    notes: [
      '1. 每行一个村（社区），可同时填写它的一个党组织；一个村有几个党组织就写几行，村名重复即可。',
      '2. 村名写“多巴一村”或“多巴一村委会”都能识别；已在台账中的村（社区）和党组织会跳过，不会重复建立。',
      '3. 类别不填时，名称以“社区”结尾的按社区，其余按村。',
      '4. 第 2 行是示例，导入前请删除或改为真实数据。',
    ],
  },
  members: {
    example: {
      name: '马文明', idNumber: '630122199003010012', gender: '男', ethnicity: '回族', birthDate: '1990-03-01', education: '大学专科', occupation: '农牧渔民', unit: '', branch: '',
      step1: '2022-03-01', step2: '2022-03-20', talkers2: '李红梅', step3: '2022-09-05', step4: '2022-09-12', step5: '2022-09-12', contacts5: '张明、王芳',
      step7: '2023-09-10', step8: '2023-09-15', step9: '2023-09-20', introducers9: '张明、王芳', step10: '2023-10-20', step11: '2023-10-25', trainingDays: 3,
      step12: '2023-11-01', step13: '2023-11-10', step14: '2023-11-15', step15: '2023-11-28', m15Expected: 15, m15Present: 13, m15For: 13, m15Against: 0, m15Abstain: 0,
      step16: '2023-12-05', step17: '2023-12-20', reviewResult: '合格', reviewDate: '2023-10-20', reason: '',
    },
    lists: {
      gender: () => [...GENDERS],
      ethnicity: () => ETHNICITIES.map((e) => e.name),
      education: () => EDUCATIONS.map((e) => e.name),
      occupation: () => [...OCCUPATIONS],
      unit: villages,
      branch: (ctx) => cachedStatement(ctx.sqlite, 'SELECT name FROM branches WHERE retired_at IS NULL ORDER BY unit_id, id', 'pluck').all() as string[],
      reviewResult: () => ['合格', '不合格'],
    },
    notes: [
      '1. 每人一行。带 * 的列必须填写（姓名、公民身份号码、递交入党申请书日期）；其余可以空着，空着的列导入时不会覆盖台账中已有的内容，也不会删除已记录的流程节点。',
      '2. 人员库中已有的人按公民身份号码识别；没有的人按本行新建（须填写民族）。此人已有发展档案的，本行更新该档案的流程节点日期，内容完全相同的行跳过。',
      '3. 党支部、所在村（社区）按名称在本乡镇中查找，请先在组织设置中建好。',
      '4. 各流程节点只填日期。常见列名也能识别：申请入党时间、确定积极分子时间、确定发展对象时间、入党时间（= 第15个流程节点支部大会讨论接收的日期）、宣誓时间、转正时间（= 第23个流程节点转正支部大会的日期）、批准转正时间（= 第24个流程节点）等。本台账导出的“发展党员花名册（全程纪实台账）”（不脱敏）可直接导入。',
      '5. 谈话人、培养联系人、入党介绍人填姓名，多人用顿号分隔；支部大会的应到、实到、赞成、反对、弃权人数有就填，没有可以空着。',
      '6. 导入时按现行规则逐行校验，和在档案中录入时一样：年满18周岁、两名入党介绍人、政审合格、到会和赞成人数过半等党章规定的条件，填了但不符合的，该行不能导入；违反《发展党员工作细则》时限的，在“特殊情况说明”列写明原因后可以导入（原因记在相应流程节点上）。',
      '7. 台账中没有的内容（表决人数、介绍人、考察记录等）按“未录入”导入，导入后在档案中提示补全，不会阻止导入。',
      '8. 日期可写作 2023-05-12、2023.5.12、2023/5/12 或 2023年5月12日；只写到月的按当月1日导入并提示补全。第 2 行是示例，导入前请删除或改为真实数据。',
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
