/** The service-centre module's fixed code lists and the defaults of its configurable ones. Pure. */

export const RENOVATION_TYPES = ['新建', '改扩建', '维修'] as const;
export type RenovationType = (typeof RENOVATION_TYPES)[number];

export const CENTRE_STATUSES = ['未开工', '提前', '正常', '滞后', '严重滞后', '已完工', '已投用'] as const;
export type CentreStatus = (typeof CENTRE_STATUSES)[number];

export const MONEY_KINDS = ['下拨', '支付'] as const;
export type MoneyKind = (typeof MONEY_KINDS)[number];

/** 四议两公开, in order. */
export const DECISION_STEPS = ['党组织提议', '两委会商议', '党员大会审议', '村民代表会议决议', '决议公开', '实施结果公开'] as const;

export const DEFAULT_FUNDING_SOURCES = ['上级补助', '区县配套', '镇配套', '村集体', '帮扶单位', '其他'];
export const DEFAULT_ROOMS = ['便民服务大厅', '党员活动室', '文体活动室', '图书阅览室', '会议室', '卫生室', '调解室', '档案室'];

/** The milestones the status reads by name: they must stay in any township's list. */
export const START_MILESTONE = '开工';
export const COMPLETION_MILESTONE = '竣工验收';
export const IN_USE_MILESTONE = '投入使用';

/** Each milestone with the days from the one before it (the first has none): the 倒排工期 defaults. */
export const DEFAULT_MILESTONES: { name: string; days: number }[] = [
  { name: '四议两公开', days: 0 },
  { name: '方案设计', days: 20 },
  { name: '预算评审', days: 15 },
  { name: '招标采购', days: 25 },
  { name: '签订合同', days: 7 },
  { name: START_MILESTONE, days: 10 },
  { name: '主体完工', days: 60 },
  { name: '装修/功能室布置', days: 30 },
  { name: COMPLETION_MILESTONE, days: 15 },
  { name: '审计决算', days: 20 },
  { name: IN_USE_MILESTONE, days: 10 },
];
