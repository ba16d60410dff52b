import { educationName, ethnicityName } from '../people/codes';

/**
 * Chinese names for what the audit log records. Kept beside the services that write the entries, so a module that
 * adds an entity adds its label here too and 操作日志's filters follow.
 */
export const ENTITY_LABELS: Record<string, string> = {
  person: '人员',
  org_unit: '村（社区）',
  branch: '党组织',
  settings: '单位设置',
  member_record: '发展档案',
  member_step: '流程节点',
  member_review: '政治审查',
  review_letter: '函调',
  member_periodic: '考察与思想汇报',
  member_exit: '延长/取消/终止',
  rule_table: '规则表',
  attachment: '附件',
  reserve: '后备人才',
  reserve_event: '后备人才动态调整',
  reserve_training: '后备人才培养',
  reserve_affair: '村级事务',
  reserve_assessment: '后备人才考核',
  reserve_config: '后备人才设置',
  centre: '服务中心',
  centre_milestone: '服务中心节点',
  centre_progress: '形象进度',
  centre_money: '服务中心资金',
  centre_config: '服务中心设置',
  import_batch: '导入',
  form_mapping: '上级表格列对应',
  report_export: '上报用导出',
  app_lock: '锁屏密码',
};

export const ACTIONS = ['新增', '记录', '修改', '删除', '恢复', '撤销', '合并', '导入', '首次设置', '生成演示数据', '导出', '设置'];

const COMMON: Record<string, string> = {
  id: '编号',
  createdAt: '创建时间',
  updatedAt: '修改时间',
  deletedAt: '删除时间',
  retiredAt: '撤销时间',
  sortOrder: '排序',
};

const BY_ENTITY: Record<string, Record<string, string>> = {
  person: {
    name: '姓名',
    gender: '性别',
    ethnicity: '民族',
    birthDate: '出生日期',
    idNumber: '公民身份号码',
    education: '学历',
    occupation: '职业',
    jobPost: '工作岗位',
    unitId: '所在村（社区）编号',
    unitName: '所在村（社区）',
    phone: '联系电话',
    hukou: '户籍地',
    note: '备注',
  },
  org_unit: {
    name: '名称',
    kind: '类别',
    code: '统计代码',
    mergedIntoId: '并入编号',
    mergedIntoName: '并入',
    branchCount: '党组织数',
    peopleCount: '人员数',
  },
  branch: { name: '党组织名称', kind: '类别', unitId: '所属村（社区）编号', unitName: '所属村（社区）' },
  report_export: {
    report: '报表',
    reportId: '报表编号',
    fileName: '文件名',
    idNumbers: '完整身份证号（个）',
    rowCount: '行数',
    windowsUser: 'Windows 用户',
    computer: '计算机名',
    from: '开始日期',
    to: '结束日期',
    unitIds: '村（社区）编号',
  },
  app_lock: { hasPassword: '已设置锁屏密码', idleMinutes: '无操作自动锁定（分钟）' },
  settings: {
    countyName: '县（区）',
    townName: '乡镇（街道）',
    unitName: '填报单位',
    fillerName: '填报人',
    reviewerName: '审核人',
    phone: '联系电话',
    fontTitle: '标题字体',
    fontHeader: '表头字体',
    fontBody: '正文字体',
    isDemo: '演示数据',
    setUp: '已完成首次设置',
    units: '村（社区）',
  },
};

export function fieldLabel(entity: string, key: string): string {
  return BY_ENTITY[entity]?.[key] ?? COMMON[key] ?? key;
}

/** Codes become the words a clerk knows; empties show as a dash rather than "null". */
export function displayValue(entity: string, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (entity === 'person' && key === 'ethnicity') return ethnicityName(String(value)) || String(value);
  if (entity === 'person' && key === 'education') return educationName(String(value)) || String(value);
  if (Array.isArray(value)) return value.map(String).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
