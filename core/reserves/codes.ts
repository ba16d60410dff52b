/** The reserve register's fixed code lists and the defaults of its configurable ones. Pure: the renderer uses them. */

export const RESERVE_STATUSES = ['推荐', '考察', '在库', '已任用', '出库'] as const;
export type ReserveStatus = (typeof RESERVE_STATUSES)[number];

/** What a 动态调整台账 line records. 入库 after an 出库 is a re-entry. */
export const EVENT_KINDS = ['推荐', '考察', '入库', '调整', '任用', '出库'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const NOMINATION_METHODS = ['个人自荐', '群众举荐', '组织推荐'] as const;

export const POLITICAL_STATUSES = ['群众', '共青团员', '入党积极分子', '发展对象', '预备党员', '中共党员'] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];
/** 党员 as the 统计表 counts them: full and probationary members. */
export const PARTY_MEMBER_STATUSES: readonly PoliticalStatus[] = ['预备党员', '中共党员'];

export const SECRETARY_DIRECTION = '书记后备';
export const DEFAULT_POST_DIRECTIONS = [SECRETARY_DIRECTION, '两委委员后备'];
export const DEFAULT_SOURCES = ['外出务工经商人员', '返乡大学生', '返乡企业家', '退役军人', '其他优秀人才'];
export const COLLEGE_TYPE = '大专班';
export const DEFAULT_TRAINING_TYPES = ['入企挂职', '乡镇机关历练', COLLEGE_TYPE, '集中培训'];
export const DEFAULT_FUNDING_SOURCES = ['区县组织部专项经费', '乡镇自筹', '帮扶单位', '其他'];
export const COST_ITEMS = ['集中培训', '学历提升补助', '挂职补贴'] as const;
export const DEFAULT_AFFAIR_TYPES = ['环境卫生', '防汛防火', '矛盾调解', '政策宣传', '疫情防控', '乡村振兴项目'];
export const YEAR_RATINGS = ['优秀', '合格', '基本合格', '不合格'] as const;
export const FAILING_RATING = '不合格';

/** Age bands of the 培养情况统计表, by age at the period's end. */
export const AGE_BANDS = [
  { key: 'age35', label: '35岁及以下', max: 35 },
  { key: 'age40', label: '36—40岁', max: 40 },
  { key: 'age45', label: '41—45岁', max: 45 },
  { key: 'age46', label: '46岁及以上', max: Number.POSITIVE_INFINITY },
] as const;
