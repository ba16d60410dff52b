/**
 * Chinese names for the input fields of the contract, so a refusal names "出生日期" rather than "birthDate" or
 * "rules.R02.thresholds.0". A key missing here is left out of the message instead of being shown in English.
 * Pure: the renderer can use it for the same wording.
 */
const LABELS: Record<string, string> = {
  id: '编号', ids: '所选记录', q: '搜索内容', page: '页码', pageSize: '每页条数', sortField: '排序字段', sortOrder: '排序方向',
  name: '名称', gender: '性别', ethnicity: '民族', birthDate: '出生日期', idNumber: '公民身份号码', education: '学历',
  educationGroup: '学历', occupation: '职业', jobPost: '工作岗位', phone: '联系电话', hukou: '户籍地', note: '备注',
  politicalStatus: '政治面貌', partyMember: '是否党员', leagueMember: '是否团员',
  countyName: '县（区）', townName: '乡镇（街道）', unitName: '单位名称', fillerName: '填报人', reviewerName: '审核人',
  fontTitle: '标题字体', fontHeader: '表头字体', fontBody: '正文字体', units: '村（社区）', unitId: '村（社区）', unitIds: '村（社区）',
  branchId: '党组织', branchName: '党组织名称', kind: '类别', code: '统计代码', fromId: '被合并的村（社区）', intoId: '并入的村（社区）',
  includeRetired: '是否含已撤销', includeUpcoming: '是否含即将到期', confirmActiveRecord: '确认删除', since: '撤销版本号',
  personId: '人员', recordId: '发展档案', stepNo: '流程节点', date: '日期', applicationDate: '递交入党申请书日期',
  people: '人员', meeting: '会议人数', expected: '应到人数', present: '实到人数', for: '赞成票数', against: '反对票数',
  abstain: '弃权票数', publicity: '公示日期', from: '开始日期', to: '结束日期', summary: '摘要', title: '职务',
  isFullMember: '是否正式党员', talkBy: '谈话人', talkDate: '谈话日期', talkSummary: '谈话情况', reportDate: '报告日期',
  conclusionDate: '审查结论日期', conclusionResult: '审查结论', conclusionSigner: '结论签署人', reportMaterials: '报告材料',
  replyDate: '回函日期', target: '函调对象', months: '延长月数', reason: '原因', meetingDate: '会议日期', approvalDate: '审批日期',
  examDate: '考试日期', examNote: '考试情况', activistYear: '确定积极分子年份', leagueRecommendDate: '团组织推优日期',
  stage: '阶段', onlyOverdue: '只看逾期', onlyViolations: '只看违规', dormantYears: '停滞年数', overrideReason: '例外理由',
  rules: '规则', level: '级别', thresholds: '阈值', effectiveDate: '施行日期', version: '版本',
  reserveId: '后备人才', reserveIds: '后备人才', source: '来源', sources: '来源', status: '状态', postDirection: '岗位方向',
  postDirections: '岗位方向', ageBand: '年龄段', nominatedBy: '推荐人', nominatedOn: '推荐日期', nominationMethod: '推荐方式',
  villageReviewOn: '村级审核日期', townReviewOn: '乡镇审核日期', mentorName: '培养联系人', mentorPost: '联系人职务',
  leavingSoon: '近期外出', underDiscipline: '受处分', notEncumbered: '无不良记录', conditionNote: '条件说明',
  unqualifiedYear: '不合格年份', unqualifiedYears: '不合格年数', trainingId: '培养记录', training: '培养',
  type: '类型', startOn: '开始日期', endOn: '结束日期', host: '举办单位', hours: '学时', costFen: '经费', costItem: '经费科目',
  fundingSource: '资金来源', fundingSources: '资金来源', funds: '经费', result: '结果', affairType: '事务类型',
  affairTypes: '事务类型', period: '考核期', points: '积分', rating: '等次', warningTalkOn: '警示谈话日期', year: '年份',
  post: '职务', eligibility: '入库条件', maxAge: '最高年龄', minEducationGroup: '最低学历', minPerVillage: '每村最少人数',
  minSecretaryPerVillage: '每村书记后备最少人数', womanPerVillage: '每村女性人数', youngSharePercent: '年轻人占比',
  warningSharePercent: '警示比例', yearTargets: '年度目标', trainingTypes: '培养类型', plan: '计划',
  centreId: '服务中心', renovationType: '改造类型', requiredOn: '要求完成日期', plannedOn: '计划日期', actualOn: '实际日期',
  milestones: '节点', percent: '进度', contentItems: '改造内容', amountFen: '金额', budgetFen: '预算', totalFen: '总投资',
  fen: '金额', area: '面积', currentArea: '现有面积', targetArea: '改造后面积', hallArea: '大厅面积',
  communityArea: '社区面积标准', communityHallArea: '社区大厅面积标准', villageArea: '村面积标准', villageHallArea: '村大厅面积标准',
  expandBelowArea: '扩建面积下限', buildYear: '建成年份', isOld: '是否老旧', isSmall: '是否面积不足', isCramped: '是否拥挤',
  isDangerous: '是否危房', assetRegisteredOn: '资产登记日期', filedOn: '备案日期', contractor: '施工单位',
  leaderName: '负责人', leaderPhone: '负责人电话', responsibleName: '责任人', responsiblePhone: '责任人电话',
  rooms: '功能室', crossVillage: '是否跨村', lateDays: '滞后天数', severeDays: '严重滞后天数', days: '天数', workdays: '工作日',
  calendar: '日历', holidays: '节假日', standards: '面积标准', decisionDates: '决定日期', atRisk: '是否有风险', seq: '序号',
  fileName: '文件名', base64: '文件内容', sheetName: '工作表', mapping: '列对应关系', mode: '导入方式', batchId: '导入批次',
  jobId: '后台任务', ownerType: '附件所属', ownerId: '附件所属记录', entity: '对象', action: '操作', deleted: '是否已删除',
  reportId: '报表', maskIdNumbers: '身份证号脱敏', paper: '纸张', description: '说明', publicitySteps: '公示节点',
  reviewPartLabels: '政审内容', countyTowns: '县内乡镇', countyKey: '县（区）', stepFrom: '起始流程节点', stepTo: '截止流程节点',
  upload: '备份文件', confirm: '确认', daily: '每日备份保留份数', monthly: '每月备份保留份数', oldPassword: '原密码',
  newPassword: '新密码', password: '密码', idleMinutes: '自动锁定时间（分钟）', remember: '记住本次选择',
  files: '文件', acceptEdited: '接受改动过的文件',
};

const RULE_ID = /^(R\d+[a-z]?|DAT|ORD)$/;

/** "rules.R02.thresholds.0" → "规则 R02 的阈值第 1 项"; unknown keys are dropped, never shown. */
export function fieldPlace(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') {
      out += `第 ${seg + 1} 项`;
      continue;
    }
    const key = String(seg);
    const label = RULE_ID.test(key) ? `规则 ${key}` : LABELS[key];
    if (!label) continue;
    if (out.startsWith('规则') && label === '规则') continue;
    out = out ? (out === '规则' ? `规则 ${key}` : `${out}的${label}`) : label;
  }
  return out;
}
