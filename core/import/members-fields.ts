/**
 * The columns of a 发展党员台账: the person, the 党支部, one date per 流程节点, the people and vote counts of the steps
 * that have them, the 政审 result and one 特殊情况说明. Each step is known by the ledger's own 花名册 header
 * ("15 支部大会讨论") and by the wordings clerks give their own 台账 (申请入党时间, 确定积极分子时间, 入党时间 …).
 * Pure data.
 */
import { STEPS, type StepNo } from '../members/steps';
import type { FieldDef } from './header';

export const stepField = (no: number) => `step${no}`;

/** Wordings for a date column: "X时间", "X日期", and "X" itself where it is long enough not to hide in other headers. */
function dated(...names: string[]): string[] {
  return names.flatMap((n) => [...(n.length >= 4 ? [n] : []), `${n}时间`, `${n}日期`]);
}

/**
 * Clerks' names for each step's date. The 花名册's own header ("1 递交入党申请书") is added for every step; the step's
 * bare name only where no other step shares it (15 and 23 are both 支部大会讨论, 17 and 24 both 上级党委审批).
 */
const STEP_WORDS: Partial<Record<StepNo, string[]>> = {
  1: [...dated('申请入党', '递交申请书', '递交入党申请书', '入党申请', '递交入党申请', '申请'), '提交入党申请书时间', '提交申请书时间'],
  2: [...dated('党组织派人谈话', '谈话', '派人谈话', '组织谈话', '入党谈话')],
  3: [...dated('确定积极分子', '确定入党积极分子', '确定为入党积极分子', '确定为积极分子', '列为入党积极分子', '列为积极分子', '推荐和确定入党积极分子')],
  4: [...dated('积极分子备案', '入党积极分子备案', '积极分子报上级党委备案')],
  5: [...dated('指定培养联系人', '确定培养联系人')],
  6: [...dated('培养教育考察', '培养考察')],
  7: [...dated('确定发展对象', '确定为发展对象', '列为发展对象')],
  8: [...dated('发展对象备案', '发展对象报上级党委备案', '报上级党委备案')],
  9: [...dated('确定入党介绍人', '确定介绍人')],
  10: [...dated('进行政治审查', '政治审查', '政审')],
  11: [...dated('开展集中培训', '集中培训', '培训', '参加集中培训', '发展对象培训')],
  12: [...dated('支部委员会审查', '支委会审查', '支部审查')],
  13: [...dated('上级党委预审', '党委预审', '预审')],
  14: [...dated('填写入党志愿书', '填写志愿书', '入党志愿书', '志愿书')],
  15: [...dated('入党', '接收预备党员', '支部大会接收', '接收预备党员支部大会', '支部大会通过', '发展为预备党员', '吸收为预备党员', '支部大会讨论接收')],
  16: [...dated('上级党委派人谈话', '党委派人谈话', '党委谈话', '上级党委谈话')],
  17: [...dated('上级党委审批', '党委审批', '审批', '批准入党', '党委批准', '预备党员审批', '批准为预备党员')],
  18: [...dated('再上一级党委组织部门备案', '组织部门备案', '组织部备案')],
  19: [...dated('编入党支部和党小组', '编入党小组', '编入支部')],
  20: [...dated('入党宣誓', '宣誓')],
  21: [...dated('继续教育考察', '预备期考察')],
  22: [...dated('提出转正申请', '转正申请', '递交转正申请', '递交转正申请书')],
  23: [...dated('转正', '支部大会讨论转正', '转正支部大会', '讨论转正', '转正大会')],
  24: [...dated('转正审批', '批准转正', '党委批准转正', '上级党委批准转正', '转正批准', '上级党委审批转正')],
  25: [...dated('材料归档', '归档', '档案归档')],
};

const SHARED_NAMES = new Set(STEPS.map((s) => s.name).filter((n, i, all) => all.indexOf(n) !== i));

export const STEP_FIELDS: FieldDef[] = STEPS.map((s) => ({
  key: stepField(s.no),
  label: `${s.no} ${s.name}`,
  synonyms: [...(SHARED_NAMES.has(s.name) ? [] : [s.name]), ...(STEP_WORDS[s.no] ?? [])],
  ...(s.no === 1 ? { required: true } : {}),
}));

/** The people a step names: the field key, the step it belongs to, and how clerks head the column. */
export const PEOPLE_COLUMNS = [
  { key: 'talkers2', step: 2 as StepNo, label: '谈话人', synonyms: ['党组织谈话人', '谈话人姓名', '派人谈话谈话人'] },
  { key: 'contacts5', step: 5 as StepNo, label: '培养联系人', synonyms: ['培养人', '联系人', '培养联系人姓名'] },
  { key: 'introducers9', step: 9 as StepNo, label: '入党介绍人', synonyms: ['介绍人', '介绍人姓名', '入党介绍人姓名'] },
  { key: 'talkers16', step: 16 as StepNo, label: '上级党委谈话人', synonyms: ['党委谈话人', '上级党委派人谈话谈话人'] },
] as const;

export const MEETING_PARTS = [
  ['Expected', 'expected', ['应到', '应到人数', '应到会人数', '应到会', '有表决权人数', '应到有表决权人数']],
  ['Present', 'present', ['实到', '实到人数', '实到会人数', '实到会', '到会人数']],
  ['For', 'for', ['赞成', '赞成人数', '赞成票', '同意', '同意票']],
  ['Against', 'against', ['反对', '反对人数', '反对票']],
  ['Abstain', 'abstain', ['弃权', '弃权人数', '弃权票']],
] as const;

/** The vote counts of the two 支部大会 (15 接收, 23 转正); bare "应到人数" means the 接收 meeting. */
export const MEETING_STEPS = [
  { step: 15 as StepNo, prefix: 'm15', title: '接收支部大会', prefixes: ['', '支部大会', '接收', '接收支部大会', '接收预备党员支部大会', '接收大会', '表决'] },
  { step: 23 as StepNo, prefix: 'm23', title: '转正支部大会', prefixes: ['转正', '转正支部大会', '转正大会', '讨论转正支部大会', '转正表决'] },
] as const;

export const meetingField = (prefix: string, part: string) => `${prefix}${part}`;

const MEETING_FIELDS: FieldDef[] = MEETING_STEPS.flatMap((m) =>
  MEETING_PARTS.map(([part, , words]) => ({
    key: meetingField(m.prefix, part),
    label: `${m.title}${words[1]}`,
    synonyms: m.prefixes.flatMap((p) => words.map((w) => `${p}${w}`)).filter((w) => w !== `${m.title}${words[1]}`),
  })),
);

export const MEMBER_FIELDS: FieldDef[] = [
  { key: 'name', label: '姓名', required: true },
  { key: 'idNumber', label: '公民身份号码', synonyms: ['身份证号', '身份证号码', '身份证', '证件号码'], required: true },
  { key: 'gender', label: '性别' },
  { key: 'ethnicity', label: '民族' },
  { key: 'birthDate', label: '出生日期', synonyms: ['出生年月', '出生年月日', '生日'] },
  { key: 'education', label: '学历', synonyms: ['文化程度', '学历学位', '最高学历'] },
  { key: 'occupation', label: '职业', synonyms: ['职业类别', '人员类别'] },
  { key: 'unit', label: '所在村（社区）', synonyms: ['村（社区）', '所在村', '村别', '村名', '所属村'] },
  { key: 'branch', label: '党支部', synonyms: ['所在党支部', '所在支部', '支部名称', '党组织', '所在党组织', '党支部名称'] },
  ...STEP_FIELDS,
  ...PEOPLE_COLUMNS.map((p) => ({ key: p.key, label: p.label, synonyms: p.synonyms })),
  ...MEETING_FIELDS,
  { key: 'trainingDays', label: '集中培训天数', synonyms: ['培训天数'] },
  { key: 'trainingHours', label: '集中培训学时', synonyms: ['培训学时', '学时'] },
  { key: 'reviewResult', label: '政审结论', synonyms: ['政审结果', '政治审查结论', '政审情况', '政审意见'] },
  { key: 'reviewDate', label: '政审结论日期', synonyms: ['政审结论时间', '政治审查结论日期', '政审结论/日期'] },
  { key: 'reason', label: '特殊情况说明', synonyms: ['情况说明', '特殊情况'] },
];
