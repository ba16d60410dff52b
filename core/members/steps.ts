/**
 * The 5 stages and 25 流程节点 of 发展党员 (domain.md §3) as data, so the form, the rules and the reports
 * read one list instead of each hard-coding step numbers.
 */

export const STEP_NUMBERS = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
] as const;
export type StepNo = (typeof STEP_NUMBERS)[number];
export type StageNo = 1 | 2 | 3 | 4 | 5;

/**
 * The dates the time and order rules speak of. The domain names A T J F Y Z P S Q R; the others are ours:
 * V 入党志愿书, E 政审结论, C 集中培训, U 上级党委派人谈话.
 */
export const DATE_KEYS = ['A', 'T', 'J', 'F', 'E', 'C', 'Y', 'V', 'Z', 'U', 'P', 'S', 'Q', 'R'] as const;
export type DateKey = (typeof DATE_KEYS)[number];

/** How the form renders a step and what it records besides the date. */
export type StepKind =
  | 'plain'
  | 'talk' // records 谈话人
  | 'meeting' // records 应到/实到/赞成/反对/弃权
  | 'filing' // 备案 or 预审/审批 by the 上级党委
  | 'people' // records 培养联系人 or 入党介绍人
  | 'review' // 政治审查, detailed in the political review record
  | 'training'
  | 'period' // an ongoing activity rather than a single event
  | 'archive';

export interface StepPeopleSpec {
  role: '谈话人' | '培养联系人' | '入党介绍人';
  min: number;
  max?: number;
  /** Must be 正式党员 (R06, R10). */
  fullMembersOnly: boolean;
}

export interface StepMeetingSpec {
  body: '支部委员会' | '支部大会';
  /** The 细则 requires the counts for 支部大会 votes; 支委会 counts are kept where the clerk has them. */
  countsRequired: boolean;
}

export interface StepDef {
  no: StepNo;
  stage: StageNo;
  name: string;
  kind: StepKind;
  dateKey?: DateKey;
  people?: StepPeopleSpec;
  meeting?: StepMeetingSpec;
  /** The step may carry a 公示 period; whether one is expected is the rule table's `publicitySteps`. */
  publicity?: boolean;
}

export const STAGES: readonly { no: StageNo; name: string; steps: readonly StepNo[] }[] = [
  { no: 1, name: '申请入党', steps: [1, 2] },
  { no: 2, name: '入党积极分子的确定和培养教育', steps: [3, 4, 5, 6] },
  { no: 3, name: '发展对象的确定和考察', steps: [7, 8, 9, 10, 11] },
  { no: 4, name: '预备党员的接收', steps: [12, 13, 14, 15, 16, 17, 18] },
  { no: 5, name: '预备党员的教育考察和转正', steps: [19, 20, 21, 22, 23, 24, 25] },
];

const talker: StepPeopleSpec = { role: '谈话人', min: 1, fullMembersOnly: false };
const committee: StepMeetingSpec = { body: '支部委员会', countsRequired: false };
const general: StepMeetingSpec = { body: '支部大会', countsRequired: true };

export const STEPS: readonly StepDef[] = [
  { no: 1, stage: 1, name: '递交入党申请书', kind: 'plain', dateKey: 'A' },
  { no: 2, stage: 1, name: '党组织派人谈话', kind: 'talk', dateKey: 'T', people: talker },
  { no: 3, stage: 2, name: '推荐和确定入党积极分子', kind: 'meeting', dateKey: 'J', meeting: committee },
  { no: 4, stage: 2, name: '上级党委备案', kind: 'filing' },
  {
    no: 5,
    stage: 2,
    name: '指定培养联系人',
    kind: 'people',
    people: { role: '培养联系人', min: 1, max: 2, fullMembersOnly: true },
  },
  { no: 6, stage: 2, name: '培养教育考察', kind: 'period' },
  { no: 7, stage: 3, name: '确定发展对象', kind: 'meeting', dateKey: 'F', meeting: committee, publicity: true },
  { no: 8, stage: 3, name: '报上级党委备案', kind: 'filing' },
  {
    no: 9,
    stage: 3,
    name: '确定入党介绍人',
    kind: 'people',
    people: { role: '入党介绍人', min: 2, max: 2, fullMembersOnly: true },
  },
  { no: 10, stage: 3, name: '进行政治审查', kind: 'review', dateKey: 'E' },
  { no: 11, stage: 3, name: '开展集中培训', kind: 'training', dateKey: 'C' },
  { no: 12, stage: 4, name: '支部委员会审查', kind: 'meeting', meeting: committee },
  { no: 13, stage: 4, name: '上级党委预审', kind: 'filing', dateKey: 'Y', publicity: true },
  { no: 14, stage: 4, name: '填写入党志愿书', kind: 'plain', dateKey: 'V' },
  { no: 15, stage: 4, name: '支部大会讨论', kind: 'meeting', dateKey: 'Z', meeting: general, publicity: true },
  { no: 16, stage: 4, name: '上级党委派人谈话', kind: 'talk', dateKey: 'U', people: talker },
  { no: 17, stage: 4, name: '上级党委审批', kind: 'filing', dateKey: 'P' },
  { no: 18, stage: 4, name: '再上一级党委组织部门备案', kind: 'filing' },
  { no: 19, stage: 5, name: '编入党支部和党小组', kind: 'plain' },
  { no: 20, stage: 5, name: '入党宣誓', kind: 'plain', dateKey: 'S' },
  { no: 21, stage: 5, name: '继续教育考察', kind: 'period' },
  { no: 22, stage: 5, name: '提出转正申请', kind: 'plain' },
  { no: 23, stage: 5, name: '支部大会讨论', kind: 'meeting', dateKey: 'Q', meeting: general, publicity: true },
  { no: 24, stage: 5, name: '上级党委审批', kind: 'filing', dateKey: 'R' },
  { no: 25, stage: 5, name: '材料归档', kind: 'archive' },
];

/** The UI says "流程节点", never "二十五步" (clerks asked for it). */
export const STEP_LABEL = '流程节点';

export const DATE_KEY_LABELS: Record<DateKey, string> = {
  A: '递交入党申请书日期',
  T: '谈话日期',
  J: '确定入党积极分子日期',
  F: '确定发展对象日期',
  E: '政审结论日期',
  C: '集中培训日期',
  Y: '上级党委预审日期',
  V: '填写入党志愿书日期',
  Z: '接收预备党员支部大会日期',
  U: '上级党委派人谈话日期',
  P: '上级党委审批日期',
  S: '入党宣誓日期',
  Q: '转正支部大会日期',
  R: '转正审批日期',
};

export function stepDef(no: StepNo): StepDef {
  return STEPS[no - 1]!;
}

export function isStepNo(n: number): n is StepNo {
  return Number.isInteger(n) && n >= 1 && n <= 25;
}

export const STEP_OF_KEY = Object.fromEntries(
  STEPS.filter((s) => s.dateKey).map((s) => [s.dateKey, s.no]),
) as Record<DateKey, StepNo>;

/** "第15个流程节点（支部大会讨论）", how messages name a step. */
export function stepTitle(no: StepNo): string {
  return `第${no}个${STEP_LABEL}（${stepDef(no).name}）`;
}
