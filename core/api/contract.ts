/**
 * The one contract. Every operation any transport (Electron IPC, web mode, the `ledger` CLI) may call is listed
 * here with its zod input and output. Pure: the renderer imports it for types and instant validation.
 */
import { z } from 'zod';
import { byId, ok } from '../schema/common';
import * as app from '../app/schemas';
import * as audit from '../audit/schemas';
import * as lock from '../lock/schemas';
import * as org from '../org/schemas';
import * as people from '../people/schemas';
import * as reports from '../reports/schemas';
import * as members from '../members/schemas';
import * as attachments from '../attachments/schemas';
import * as removal from '../members/removal-schemas';
import * as jobs from '../jobs/schemas';
import * as reserves from '../reserves/schemas';
import * as centres from '../centres/schemas';
import * as imports from '../import/schemas';
import * as backup from '../backup/schemas';
import * as summary from '../summary/schemas';
import * as forms from '../forms/schemas';
import * as district from '../district/schemas';

interface MethodDef<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Chinese one-liner, shown by `ledger methods`. */
  summary: string;
  /** Methods that write must say so: the host refuses them until the township is set up. */
  writes: boolean;
}

function query<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string): MethodDef<I, O> {
  return { input, output, summary, writes: false };
}
function command<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string): MethodDef<I, O> {
  return { input, output, summary, writes: true };
}

const none = z.object({}).default({});

/** What an undoable action returns: its toast passes undoVersion back as `since` (see core/audit/version.ts). */
const undoable = z.object({ id: z.number(), undoVersion: z.number().int() });
const since = z.number().int().nullish().describe('撤销提示带回的版本号；此后该记录有修改则拒绝恢复。从“已删除”列表恢复时不填');

export const contract = {
  'app.status': query(none, app.appStatus, '程序与数据文件状态'),
  'app.openDemo': query(none, app.appStatus, '切换到演示数据（首次使用时自动生成）'),
  'app.openReal': query(none, app.appStatus, '切换回正式数据'),
  'app.reopen': query(none, app.appStatus, '重新打开数据文件（例如关闭了占用它的其他程序之后）'),
  'app.checkIntegrity': query(none, app.integrityResult, '完整检查数据文件是否损坏（逐页读取，文件大时需要一些时间）'),
  'app.generateDemo': command(none, app.demoData, '生成演示数据（只在演示数据中，已有则保留），返回其规模；乡镇用命令行 ledger demo --town 名称 选择'),
  'dashboard.summary': query(none, app.dashboardSummary, '首页统计数'),

  'org.seedTowns': query(none, z.object({ countyName: z.string(), towns: z.array(org.seedTown) }), '可选的乡镇（街道）列表'),
  'org.seedUnits': query(z.object({ townName: z.string() }), z.array(org.seedUnit), '某乡镇（街道）的村（社区）种子数据'),
  'org.setup': command(org.setupInput, org.settings, '首次设置：本单位及村（社区）'),
  'org.getSettings': query(none, org.settings, '读取单位设置'),
  'org.updateSettings': command(org.settingsPatch, org.settings, '修改单位设置（填报人、审核人等）'),
  'org.listUnits': query(z.object({ includeRetired: z.boolean().default(false) }).default({ includeRetired: false }), z.array(org.unit), '村（社区）列表'),
  'org.addUnit': command(org.unitInput, org.unit, '新增村（社区）'),
  'org.updateUnit': command(org.unitPatch, org.unit, '修改村（社区）名称、类别'),
  'org.mergeUnits': command(org.mergeInput, z.object({ movedPeople: z.number(), movedBranches: z.number() }), '合并村（社区）'),
  'org.retireUnit': command(byId, org.unit, '撤销村（社区）'),
  'org.restoreUnit': command(byId, org.unit, '恢复已撤销的村（社区）'),
  'org.listBranches': query(
    z.object({ unitId: z.number().int().nullish(), includeRetired: z.boolean().default(false) }).default({ includeRetired: false }),
    z.array(org.branch),
    '党组织列表',
  ),
  'org.addBranch': command(org.branchInput, org.branch, '新增党组织'),
  'org.updateBranch': command(org.branchPatch, org.branch, '修改党组织'),
  'org.retireBranch': command(byId, org.branch, '撤销党组织'),
  'org.restoreBranch': command(byId, org.branch, '恢复党组织'),

  'people.list': query(people.peopleQuery, people.peoplePage, '人员库查询（分页）'),
  'people.get': query(byId, people.person, '读取一个人员（含完整身份证号）'),
  'people.create': command(people.personInput, people.person, '新增人员'),
  'people.update': command(people.personUpdate, people.person, '修改人员'),
  'people.remove': command(
    byId.extend({ confirmActiveRecord: z.boolean().default(false) }),
    undoable,
    '删除人员（可恢复）；该人员有进行中的发展档案时须 confirmActiveRecord: true',
  ),
  'people.restore': command(byId.extend({ since }), people.person, '恢复已删除人员'),
  'people.activeRecord': query(byId, removal.activeRecordOut.nullable(), '该人员进行中的发展档案（删除人员前提示用）'),

  'members.list': query(members.recordQuery, members.recordPage, '发展党员档案列表（可按阶段、村、支部、逾期、违规筛选）'),
  'members.get': query(byId, members.recordDetail, '一份发展档案：25个流程节点、政审、违规与提醒'),
  'members.create': command(members.createRecordInput, byId, '建立发展档案（记录递交入党申请书）'),
  'members.update': command(members.updateRecordInput, byId, '修改发展档案基本信息'),
  'members.recordStep': command(members.recordStepInput, z.object({ id: z.number(), violations: z.array(members.violation) }), '记录一个流程节点'),
  'members.removeStep': command(z.object({ recordId: z.number().int(), stepNo: z.number().int() }), undoable, '撤销一个流程节点记录'),
  'members.restoreStep': command(
    members.recordStepInput.extend({ since: z.number().int() }),
    z.object({ id: z.number(), violations: z.array(members.violation) }),
    '恢复刚撤销的流程节点（撤销后档案有任何修改则拒绝，以免覆盖新内容）',
  ),
  'members.remove': command(byId, undoable, '删除误建的发展档案（可恢复；不同于终止培养）'),
  'members.restore': command(byId.extend({ since }), byId, '恢复已删除的发展档案'),
  'members.listDeleted': query(none, z.array(removal.deletedRecord), '已删除的发展档案'),
  'members.saveReview': command(members.reviewInput, byId, '保存政治审查（一谈一报一审一定）'),
  'members.addLetter': command(members.letterInput, byId, '新增函调记录'),
  'members.removeLetter': command(byId, byId, '删除函调记录'),
  'members.addPeriodic': command(members.periodicInput, byId, '新增考察或思想汇报'),
  'members.removePeriodic': command(byId, byId, '删除考察或思想汇报'),
  'members.addExit': command(members.exitInput, byId, '延长预备期、取消预备党员资格或终止培养'),
  'members.removeExit': command(byId, byId, '撤销延长/取消/终止记录'),
  'members.check': query(none, z.array(members.finding), '合规检查：全部违规'),
  'members.verifyState': query(none, members.verifyResult, '逐份档案按事实重新校验，与保存的校验结果核对（不一致时列出）'),
  'members.reminders': query(
    z.object({ includeUpcoming: z.boolean().default(false) }).default({ includeUpcoming: false }),
    z.array(members.reminder),
    '到期与逾期提醒（逾期在前）',
  ),
  'members.overview': query(none, members.overviewOut, '首页概况：各阶段人数、逾期与问题档案数、提醒'),
  'members.indicators': query(members.periodInput, members.indicatorsOut, '发展党员结构指标'),
  'members.rules': query(none, members.ruleTableOut, '现行规则表'),
  'members.updateRules': command(members.ruleTableOverridesSchema, jobs.jobStarted, '修改规则级别与阈值，生成新版本；在施行的新版本先重新校验全部档案（后台任务：返回 jobId，用 jobs.status 查看进度）'),
  'members.rejudge': command(none, jobs.jobStarted, '按现行规则重新校验全部发展档案（后台任务：返回 jobId，用 jobs.status 查看进度）'),

  'reserves.list': query(reserves.reserveQuery, reserves.reservePage, '村"两委"后备人才列表（可按村、来源、状态、岗位方向、年龄段、学历、是否党员筛选）'),
  'reserves.get': query(byId, reserves.reserveDetail, '一名后备人才：基本信息、动态调整、培养、村级事务、考核与提醒'),
  'reserves.create': command(reserves.reserveInput, reserves.reserveWritten, '新增后备人才（返回入库条件提醒）'),
  'reserves.update': command(reserves.reserveUpdate, reserves.reserveWritten, '修改后备人才基本信息'),
  'reserves.remove': command(byId, byId, '删除误建的后备人才记录（可恢复；出库请用 reserves.changeStatus）'),
  'reserves.restore': command(byId, byId, '恢复已删除的后备人才记录'),
  'reserves.listDeleted': query(none, z.array(z.object({ id: z.number(), name: z.string(), unitName: z.string(), status: z.string(), deletedAt: z.string() })), '已删除的后备人才记录'),
  'reserves.changeStatus': command(reserves.statusChangeInput, byId, '调整、任用、出库或重新入库，记入动态调整台账'),
  'reserves.removeEvent': command(byId, byId, '撤销一条调整、任用、出库或重新入库记录'),
  'reserves.addTraining': command(reserves.trainingInput, reserves.trainingWritten, '记录培养（挂职、历练、大专班、集中培训）：可一次报名多人，经费按人分摊到分'),
  'reserves.updateTraining': command(reserves.trainingUpdate, reserves.trainingWritten, '修改培养记录（人员不变；经费改动后重新按人分摊到分）'),
  'reserves.setEnrolmentResult': command(reserves.enrolmentResultInput, byId, '记录某人某次培养的结业情况或证书编号'),
  'reserves.removeTraining': command(byId, byId, '删除一条培养记录（班次）'),
  'reserves.restoreTraining': command(byId, byId, '恢复已删除的培养记录'),
  'reserves.addAffair': command(reserves.affairInput, byId, '记录参与村级事务：可一次记录多人'),
  'reserves.removeAffair': command(byId, byId, '删除一条村级事务记录'),
  'reserves.restoreAffair': command(byId, byId, '恢复已删除的村级事务记录'),
  'reserves.saveAssessment': command(reserves.assessmentInput, byId, '记录季度积分或年度考核'),
  'reserves.ranking': query(reserves.rankingInput, z.array(reserves.rankingRow), '季度积分排名（末位须警示提醒谈话）'),
  'reserves.plan': query(reserves.yearInput, reserves.planOut, '后备人才计划完成情况：各村目标与实有、结构指标、年度培养目标与经费'),
  'reserves.funds': query(reserves.yearInput, reserves.fundsOut, '培训经费使用：按类型、来源、科目、月份'),
  'reserves.overview': query(none, reserves.reservesOverview, '首页：后备人才概况'),
  'reserves.verifyState': query(none, reserves.reserveVerifyResult, '逐名后备人才按事实重算状态与培养统计，与保存的结果核对（不一致时列出）'),
  'reserves.config': query(none, reserves.reserveConfig, '后备人才设置：岗位方向、来源、培养类型、经费来源、计划目标、入库条件'),
  'reserves.updateConfig': command(reserves.reserveConfig, reserves.reserveConfig, '修改后备人才设置'),

  'centres.list': query(centres.centreQuery, centres.centrePage, '村级综合服务中心改造列表（可按村、改造类型、状态、资金来源、是否有风险筛选）'),
  'centres.get': query(byId, centres.centreDetail, '一个服务中心：基本情况、投资与资金、节点计划与实际、形象进度'),
  'centres.proposeSchedule': query(centres.proposeInput, centres.proposal, '按要求完成日期倒排工期，给出各节点建议日期'),
  'centres.create': command(centres.centreInput, centres.centreWritten, '新增服务中心改造（节点不填时按倒排工期的建议日期）'),
  'centres.update': command(centres.centreUpdate, centres.centreWritten, '修改服务中心基本情况与投资'),
  'centres.remove': command(byId, byId, '删除误建的服务中心记录（可恢复）'),
  'centres.restore': command(byId, byId, '恢复已删除的服务中心记录'),
  'centres.replan': command(centres.replanInput, byId, '调整节点计划日期（最初计划保留为基线）'),
  'centres.recordMilestone': command(centres.milestoneDoneInput, byId, '记录节点完成日期（填 null 撤销）'),
  'centres.addProgress': command(centres.progressInput, byId, '记录形象进度（回退须写明原因）'),
  'centres.removeProgress': command(byId, byId, '删除一条形象进度记录'),
  'centres.restoreProgress': command(byId, byId, '恢复已删除的形象进度记录'),
  'centres.addMoney': command(centres.moneyInput, z.object({ id: z.number(), warnings: z.array(z.string()) }), '记录资金下拨或支付'),
  'centres.removeMoney': command(byId, byId, '删除一条资金下拨或支付记录'),
  'centres.chart': query(centres.chartInput, centres.chartOut, '挂图作战：全部中心的节点计划与实际'),
  'centres.overview': query(none, centres.centresOverview, '首页：服务中心改造概况'),
  'centres.verifyState': query(none, centres.centreVerifyResult, '逐个服务中心按节点与进度重算保存的结果并核对（不一致时列出）'),
  'centres.config': query(none, centres.centreConfig, '服务中心设置：资金来源、功能室、节点与工期、节假日、面积标准、滞后天数'),
  'centres.updateConfig': command(centres.centreConfig, centres.centreConfig, '修改服务中心设置'),

  'import.preview': query(imports.importFileInput, jobs.jobStarted, '检查导入文件：找到表头、逐行标出新增/更新/跳过/错误，不写入（后台任务：结果在 jobs.status 的 result 中）'),
  'import.commit': command(imports.commitInput, jobs.jobStarted, '导入：所选的行在一个事务中全部写入或全不写入（后台任务：结果在 jobs.status 的 result 中）'),
  'import.undo': command(z.object({ batchId: z.number().int() }), z.object({ undone: z.number() }), '撤销一次导入，恢复到导入之前（之后被修改过的记录会阻止撤销）'),
  'import.template': query(imports.templateInput, imports.templateFile, '下载空白导入模板（含示例行、下拉选项和填写说明）'),
  'import.errorReport': query(imports.importFileInput, imports.templateFile, '导出错误报告：原文件加一列“错误说明”、出错的单元格标为浅红色，改好后可再导入'),
  'import.batches': query(none, z.array(imports.importBatch), '最近的导入记录'),
  'district.preview': query(district.districtInput, jobs.jobStarted, '区县汇总：读取各乡镇（街道）导出的文件，逐项检查（报表、时段、重复乡镇、导出后改动、缺少的乡镇、同一人在两个乡镇），不合并（后台任务：结果在 jobs.status 的 result 中）'),
  'district.merge': query(district.districtInput, jobs.jobStarted, '区县汇总：检查无误后合并为区县的同一张报表，附汇总文件清单（后台任务：结果在 jobs.status 的 result 中，base64 为 .xlsx 文件）'),

  // Long work (core/jobs): a job-starting method returns { jobId }. Cancelling changes no data, so it is no write and
  // stays allowed while a writing job keeps other writes out.
  'jobs.status': query(jobs.byJobId, jobs.jobStatus, '后台任务的进度与结果（运行中、已完成、已取消或失败）'),
  'jobs.cancel': query(jobs.byJobId, jobs.jobStatus, '取消后台任务：已做的部分不保存，数据保持原样'),
  'jobs.list': query(none, z.array(jobs.jobStatus), '本次运行的后台任务（最新的在前）'),

  'attachments.list': query(attachments.attachmentOwner, z.array(attachments.attachment), '某条记录的附件'),
  'attachments.add': command(attachments.addAttachmentInput, attachments.attachment, '上传附件（复制到数据文件夹）'),
  'attachments.remove': command(byId, attachments.attachment, '删除附件'),
  'attachments.read': query(byId, attachments.attachmentFile, '读取附件内容'),

  'audit.list': query(audit.auditQuery, audit.auditPage, '操作日志查询'),

  // Backups change no ledger row (they write files in backups/), so only the restore counts as a write.
  'backup.create': query(none, jobs.jobStarted, '立即备份：数据库与附件写成一个 .zip 并校验，放在数据文件夹的 backups 中（后台任务：结果在 jobs.status 的 result 中）'),
  'backup.list': query(none, z.array(backup.backupListItem), '数据文件夹 backups 中的备份（自动与手动，最新的在前）'),
  'backup.inspect': query(z.object({ source: backup.backupSource }), backup.backupInfo, '检查一个备份文件是否完整可用，并列出其单位、时间和各类记录数（不改动当前数据）'),
  'backup.restore': command(backup.restoreInput, jobs.jobStarted, '从备份恢复：先校验备份、自动备份当前数据，再整体替换（后台任务：返回 jobId）'),
  'backup.download': query(z.object({ fileName: backup.backupSource.options[0].shape.fileName }), backup.backupFile, '读取 backups 中的一个备份文件（另存到 U 盘等处）'),
  'backup.settings': query(none, backup.rotationSettings, '自动备份保留份数：每日、每月各保留几份'),
  'backup.updateSettings': command(backup.rotationSettings, backup.rotationSettings, '修改自动备份保留份数'),

  // The app lock guards the screen only; the data file and this CLI are protected by the Windows account.
  'lock.status': query(none, lock.lockStatus, '锁屏状态：是否设置了锁屏密码、无操作多少分钟后自动锁定'),
  'lock.setPassword': command(lock.setPasswordInput, lock.lockStatus, '设置或修改锁屏密码（已设置时须提供原密码 oldPassword）'),
  'lock.clear': command(lock.clearPasswordInput, lock.lockStatus, '删除锁屏密码（须提供原密码）'),
  'lock.unlock': query(lock.unlockInput, lock.unlockResult, '核对锁屏密码：unlocked 为 true 表示密码正确'),
  'lock.setIdle': command(lock.idleInput, lock.lockStatus, '设置无操作自动锁定的分钟数（0 表示不自动锁定）'),

  'reports.list': query(none, z.array(reports.reportInfo), '报表目录'),
  'reports.export': query(reports.exportInput, reports.exportResult, '生成一张 Excel 报表'),
  'forms.analyse': query(forms.analyseInput, forms.analyseResult, '按上级模板填报：读取上级发来的空白表格，找到标题和表头，提出每列用哪项数据填写（记住过的表格按上次的对应关系）'),
  'forms.fill': command(forms.fillInput, forms.fillResult, '按上级模板填报：用所选数据填写上级的空白表格，保留原表格式与公式，列出未能对应的列，并记住这张表格的列对应关系'),
  'summary.figures': query(summary.summaryInput, summary.summaryOut, '年度汇总：各模块主要数字（含口径与对应名单的页面）及年度工作总结表述，按时段统计'),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends Method> = z.output<Contract[M]['output']>;

export const methods = Object.keys(contract) as Method[];

/**
 * Results that carry a file. JSON has no bytes, so the file travels base64-encoded in the named field on every
 * transport; each transport decodes it at its own edge (the save dialog, the web download, `ledger export --out`).
 * `ledger methods` prints the note.
 */
export const fileResults: Partial<Record<Method, { field: string; note: string }>> = {
  'reports.export': { field: 'base64', note: '结果的 base64 字段是 .xlsx 文件内容（base64 编码），解码后即为 Excel 文件' },
  'forms.fill': { field: 'base64', note: '结果的 base64 字段是填好的 .xlsx 表格（base64 编码）' },
  'attachments.read': { field: 'base64', note: '结果的 base64 字段是附件文件内容（base64 编码）' },
  'import.template': { field: 'base64', note: '结果的 base64 字段是 .xlsx 模板文件内容（base64 编码）' },
  'import.errorReport': { field: 'base64', note: '结果的 base64 字段是加了“错误说明”列的 .xlsx 文件内容（base64 编码）' },
  'backup.download': { field: 'base64', note: '结果的 base64 字段是备份 .zip 文件内容（base64 编码）' },
};

/** Methods that start a job (they return { jobId }): the CLI waits for the job and prints its progress. */
export function startsJob(method: Method): boolean {
  return contract[method].output === jobs.jobStarted;
}

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
/** What the district jobs leave in jobs.status's result: transports read it without reaching into core/district. */
export type { DistrictMerged, DistrictPreview } from '../district/schemas';
