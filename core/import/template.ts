/**
 * Blank templates: the kind's columns as the header, one example row, drop-downs (数据有效性) for coded fields, and
 * a 填写说明 sheet. A filled template imports with every column matched.
 */
import ExcelJS from 'exceljs';
import type { LedgerContext } from '../context';
import { BRANCH_KINDS, EDUCATIONS, ETHNICITIES, GENDERS, OCCUPATIONS, UNIT_KINDS } from '../people/codes';
import { RENOVATION_TYPES } from '../centres/codes';
import { COST_ITEMS, NOMINATION_METHODS, POLITICAL_STATUSES } from '../reserves/codes';
import { getReserveConfig } from '../reserves/config';
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
  reserves: {
    example: {
      name: '马文明', idNumber: '630122199003010012', gender: '男', ethnicity: '回族', birthDate: '1990-03-01', education: '大学专科', unit: '多巴一村',
      postDirection: '书记后备', source: '返乡大学生', nominationMethod: '组织推荐', nominatedBy: '多巴一村党支部', nominatedOn: '2026-03-01',
      villageReviewOn: '2026-03-20', townReviewOn: '2026-04-10', filedOn: '2026-04-20', mentorName: '李红梅', mentorPost: '村党支部书记', politicalStatus: '中共党员',
    },
    lists: {
      gender: () => [...GENDERS],
      ethnicity: () => ETHNICITIES.map((e) => e.name),
      education: () => EDUCATIONS.map((e) => e.name),
      unit: villages,
      postDirection: (ctx) => getReserveConfig(ctx).postDirections,
      source: (ctx) => getReserveConfig(ctx).sources,
      nominationMethod: () => [...NOMINATION_METHODS],
      politicalStatus: () => [...POLITICAL_STATUSES],
    },
    notes: [
      '1. 每名后备人才一行。带 * 的列必须填写；其余可以空着，空着的列导入时不会覆盖台账中已有的内容。',
      '2. 人员按公民身份号码识别：人员库中没有的人按本行的姓名、性别、民族、出生日期、学历新建（须填写姓名和民族）。此人已在后备人才名册中的，本行更新其记录，内容完全相同的跳过。',
      '3. 岗位方向、来源类别须是本乡镇设置中的选项（见下拉列表）；推荐方式为个人自荐、群众举荐或组织推荐。',
      '4. 推荐、考察初审、复审（入库）、备案日期须依次在后，且不能晚于今天；填了备案日期的须同时填写复审日期。',
      '5. 日期可写作 2023-05-12、2023.5.12、2023/5/12 或 2023年5月12日。第 2 行是示例，导入前请删除或改为真实数据。',
    ],
  },
  'reserve-trainings': {
    example: { name: '马文明', idNumber: '630122199003010012', type: '集中培训', title: '村级后备力量培训班', host: '区委组织部', startOn: '2026-05-10', endOn: '2026-05-14', hours: 40, cost: '800.00', fundingSource: '区县组织部专项经费', costItem: '集中培训', result: '结业' },
    lists: {
      type: (ctx) => getReserveConfig(ctx).trainingTypes,
      fundingSource: (ctx) => getReserveConfig(ctx).fundingSources,
      costItem: () => [...COST_ITEMS],
    },
    notes: [
      '1. 每人每次培训一行：同一期培训有几人参加就写几行。此人须已在后备人才名册中（按公民身份号码识别）。',
      '2. 培养类型、经费来源须是本乡镇设置中的选项；经费（元）填此人名下的经费，大于 0 时须填写经费来源和经费科目。',
      '3. 已记录过同一类型、同一开始日期培训的人：内容相同的跳过，不同的更新；多人一起记录的班次请在台账中修改。',
      '4. 第 2 行是示例，导入前请删除或改为真实数据。',
    ],
  },
  centres: {
    example: {
      unit: '多巴一村', currentArea: 180, buildYear: 1998, isDangerous: '否', isOld: '是', isCramped: '是', isSmall: '是', renovationType: '改扩建', targetArea: 400, hallArea: 80,
      contractor: '西宁某建筑公司', leaderName: '张明', leaderPhone: '13800000000', responsibleName: '马文明', responsiblePhone: '13900000000', requiredOn: '2026-10-31',
      total: '600000.00', 'fund:上级补助': '400000.00', 'fund:镇配套': '150000.00', 'fund:村集体': '50000.00',
    },
    lists: { unit: villages, renovationType: () => [...RENOVATION_TYPES], isDangerous: () => ['是', '否'], isOld: () => ['是', '否'], isCramped: () => ['是', '否'], isSmall: () => ['是', '否'] },
    notes: [
      '1. 每个村（社区）一行，按村名识别：台账中已有的更新（内容完全相同的跳过），没有的新增，并按要求完成日期自动生成倒排工期。',
      '2. 总投资和各资金来源的金额按元填写；列名写作“总投资（万元）”“上级补助（万元）”的按万元读取。各资金来源之和须等于总投资。',
      '3. 危、旧、狭、小填“是”“否”或“✓”；改造类型为新建、改扩建或维修。',
      '4. 第 2 行是示例，导入前请删除或改为真实数据。',
    ],
  },
  'centre-progress': {
    example: { unit: '多巴一村', date: '2026-06-30', percent: 45, note: '主体结构完工' },
    lists: { unit: villages },
    notes: [
      '1. 每个村（社区）每次进度一行，按村名和日期识别：同一天已有记录的，进度相同跳过，不同的更新。',
      '2. 形象进度填 0 到 100 的整数；低于此前进度的，须在“说明”列写明原因。',
      '3. 第 2 行是示例，导入前请删除或改为真实数据。',
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
