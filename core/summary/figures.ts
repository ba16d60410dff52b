/**
 * The 汇总 figures (issue 12 §4): every module's headline numbers for one period, read through the services and SQL
 * each module's own pages and reports already use, so a figure here equals the same figure there:
 * - 人员库: the 首页 counts (core/app/dashboard);
 * - 发展党员: the files whose step date falls in the period (member_steps of live files), the 新接收预备党员 and their
 *   35岁及以下 share from the 指标 service (counted by 上级党委审批, 节点17, ages at that date: core/members/indicators),
 *   and the 首页 counts of files in progress, overdue and with problems (core/members/overview);
 * - 后备人才: the 培养情况统计表's figures (core/reserves/reports/stats-data), the status of each reserve at the period's
 *   end replayed the way that report replays it, and the people trained in the period;
 * - 服务中心: the 首页 figures (core/centres/overview), the centres whose 竣工验收 falls in the period, and the
 *   党内统计 新建或改扩建 count (core/centres/reports/party-stats).
 */
import { dashboardSummary } from '../app/dashboard';
import { today, type LedgerContext } from '../context';
import { centresOverview } from '../centres/overview';
import { partyFigures } from '../centres/reports/party-stats';
import { COUNT_BASIS } from '../members/indicators';
import { indicators, overview } from '../members/overview';
import { stepDef, type StepNo } from '../members/steps';
import { reportPeriod, type ReportPeriod } from '../reports/meta';
import { RESERVE_STATUSES } from '../reserves/codes';
import { getReserveConfig } from '../reserves/config';
import { statsData } from '../reserves/reports/stats-data';
import { FROM_RESERVES, statusAsOfSql } from '../reserves/sql';
import { cachedStatement } from '../schema/statements';
import type { SummaryFigure } from './schemas';
import { figureSentences } from './sentences';

type Figure = SummaryFigure;
type Period = ReportPeriod & { from: string };

const q = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();

/** 分 as 元 and as 万元: the cell shows two decimals, the value keeps every 分. */
const yuan = (fen: number) => fen / 100;
const wan = (fen: number) => fen / 1_000_000;

function fig(module: Figure['module'], key: string, label: string, value: number, unit: string, basis: string, link: string | null, subsetOf: string | null = null): Figure {
  return { key, module, label, value, unit, basis, link, subsetOf };
}

function peopleFigures(ctx: LedgerContext, on: string): Figure[] {
  const d = dashboardSummary(ctx);
  return [
    fig('人员库', 'people.total', '人员总数', d.people, '人', `人员库中未删除的人员，截至 ${on}；与首页“人员”一致。`, '/people'),
    fig('人员库', 'people.units', '村（社区）', d.units, '个', `未撤销的村（社区），截至 ${on}。`, '/org'),
    fig('人员库', 'people.branches', '党组织', d.branches, '个', `未撤销的党组织，截至 ${on}。`, '/org'),
  ];
}

/** Live files whose step `no` is dated in the period: the list's step filter shows the same files. */
function filesWithStepIn(ctx: LedgerContext, no: number, period: Period): number {
  return cachedStatement(
    ctx.sqlite,
    `SELECT count(*) FROM member_state s JOIN member_steps st ON st.record_id = s.record_id AND st.step_no = @no WHERE st.date BETWEEN @from AND @to`,
    'pluck',
  ).get({ no, from: period.from, to: period.to }) as number;
}

function memberFigures(ctx: LedgerContext, period: Period, on: string): Figure[] {
  const stepLink = (no: number) => `/members?${q({ step: no, stepFrom: period.from, stepTo: period.to })}`;
  const stepBasis = (no: number, what: string) => `${what}：第${no}节点“${stepDef(no as StepNo).name}”日期在 ${period.text} 的档案（已删除的不计）。`;
  const stepFigure = (key: string, label: string, no: number) => fig('发展党员', key, label, filesWithStepIn(ctx, no, period), '人', stepBasis(no, label), stepLink(no));
  const ind = indicators(ctx, period.from, period.to);
  const o = overview(ctx);
  const youthPct = Math.round(ind.youth.target * 100);
  return [
    stepFigure('members.applied', '递交入党申请书', 1),
    stepFigure('members.activists', '确定为入党积极分子', 3),
    stepFigure('members.candidates', '确定为发展对象', 7),
    fig(
      '发展党员',
      'members.admitted',
      '新接收预备党员',
      ind.total,
      '人',
      `${COUNT_BASIS}：第17节点“上级党委审批”日期在 ${period.text} 的档案，支部大会日期不论；与“发展党员情况统计表（一）（二）”的合计一致。`,
      stepLink(17),
    ),
    fig(
      '发展党员',
      'members.youth',
      '其中：35岁及以下',
      ind.youth.count,
      '人',
      `新接收预备党员中，按上级党委审批当日年龄 ${ind.youth.maxAge} 岁及以下的人数（没有出生日期的不计入）。`,
      stepLink(17),
      'members.admitted',
    ),
    fig(
      '发展党员',
      'members.youthShare',
      '35岁及以下占比',
      ind.youth.share ?? 0,
      '%',
      `35岁及以下人数 ÷ 新接收预备党员人数${ind.total === 0 ? '（本期无人，记为 0）' : ''}；目标不低于 ${youthPct}%。与“发展党员情况统计表（二）”合计行一致。`,
      '/members?view=indicators',
    ),
    stepFigure('members.confirmed', '预备党员转正', 24),
    fig('发展党员', 'members.active', '在培养档案', o.active, '人', `截至 ${on} 正在进行中的发展档案（五个阶段合计）；与首页“在培养”一致。`, `/members?${q({ status: '进行中' })}`),
    fig('发展党员', 'members.overdue', '有逾期事项的档案', o.overdue, '份', `截至 ${on} 有逾期未办事项的档案；与首页“逾期”一致。`, '/members?onlyOverdue=1'),
    fig('发展党员', 'members.problems', '有问题的档案', o.problems, '份', `截至 ${on} 有不合规或需注意事项的档案；与首页“有问题”、合规检查一致。`, '/members?onlyViolations=1'),
  ];
}

function reserveFigures(ctx: LedgerContext, period: Period): Figure[] {
  const config = getReserveConfig(ctx);
  const data = statsData(ctx, config, {}, period);
  const t = data.totals;
  const end = period.to;
  const year = end.slice(0, 4);
  const planLink = `/reserves?${q({ view: 'plan', year })}`;
  const fundsLink = `/reserves?${q({ view: 'plan', tab: 'funds', year })}`;
  const statsNote = '与“后备人才培养情况统计表”同一时段的合计一致';
  const out: Figure[] = [
    fig('后备人才', 'reserves.pool', '在库后备人才', t.total, '人', `${end} 当日状态为“在库”的后备人才（按动态调整记录回溯）；${statsNote}。`, `/reserves?${q({ status: '在库' })}`),
  ];
  config.sources.forEach((source, i) =>
    out.push(
      fig('后备人才', `reserves.source.${i}`, `其中：${source}`, t.sources[i]!, '人', `在库后备人才中来源类别为“${source}”的人数；${statsNote}。`, `/reserves?${q({ status: '在库', source })}`, 'reserves.pool'),
    ),
  );
  if (data.otherSource > 0) {
    out.push(fig('后备人才', 'reserves.source.other', '其中：其他来源', data.otherSource, '人', '在库后备人才中来源类别不在本镇来源类别设置里的人数。', `/reserves?${q({ status: '在库' })}`, 'reserves.pool'));
  }
  const statuses = statusCountsAt(ctx, end);
  for (const status of RESERVE_STATUSES.filter((s) => s !== '在库')) {
    out.push(fig('后备人才', `reserves.status.${status}`, `状态为“${status}”`, statuses.get(status) ?? 0, '人', `${end} 当日状态为“${status}”的后备人才（按动态调整记录回溯）。`, `/reserves?${q({ status })}`));
  }
  out.push(
    fig('后备人才', 'reserves.trained', '参加培养', trainedIn(ctx, period), '人', `开始日期在 ${period.text} 的培养（挂职、历练、大专班、培训等）的人数，一人多次计一人。`, planLink),
  );
  config.trainingTypes.forEach((type, i) =>
    out.push(
      fig('后备人才', `reserves.training.${i}`, `其中：${type}`, t.trainedPeople[i]!, '人', `开始日期在 ${period.text} 的“${type}”的人数（${t.trainedTimes[i]!} 人次）；${statsNote}。`, planLink, 'reserves.trained'),
    ),
  );
  out.push(
    fig('后备人才', 'reserves.funds', '培训经费', yuan(t.fundsFen), '元', `开始日期在 ${period.text} 的培养所花经费，按分累加；与“培训经费使用明细表”同一时段的合计一致。`, fundsLink),
  );
  return out;
}

/** Each reserve's status at the end of `date`, replayed as the 培养情况统计表 replays the pool. */
function statusCountsAt(ctx: LedgerContext, date: string): Map<string, number> {
  const rows = cachedStatement(ctx.sqlite, `SELECT ${statusAsOfSql('@to')} AS status, count(*) AS n ${FROM_RESERVES} GROUP BY 1`).all({ to: date }) as { status: string | null; n: number }[];
  return new Map(rows.filter((r) => r.status).map((r) => [r.status!, r.n]));
}

/** Distinct live reserves in a live training that started in the period (the 统计表's per-type counts, over all types). */
function trainedIn(ctx: LedgerContext, period: Period): number {
  return cachedStatement(
    ctx.sqlite,
    `SELECT count(DISTINCT e.reserve_id) FROM reserve_enrolments e JOIN reserve_trainings t ON t.id = e.training_id JOIN reserves r ON r.id = e.reserve_id JOIN people p ON p.id = r.person_id
     WHERE t.deleted_at IS NULL AND r.deleted_at IS NULL AND p.deleted_at IS NULL AND t.start_on BETWEEN @from AND @to`,
    'pluck',
  ).get({ from: period.from, to: period.to }) as number;
}

/** The list with the finished centres on top (形象进度 highest first); the figure's 说明 names them. */
const DONE_FIRST = `/centres?${q({ sort: 'progress', order: 'descend' })}`;

function centreFigures(ctx: LedgerContext, period: Period, on: string): Figure[] {
  const o = centresOverview(ctx);
  const done = cachedStatement(
    ctx.sqlite,
    `SELECT count(*) AS n, group_concat(u.name, '、' ORDER BY u.sort_order, u.id) AS names FROM centres c JOIN org_units u ON u.id = c.unit_id
     WHERE c.deleted_at IS NULL AND c.completed_on BETWEEN @from AND @to`,
  ).get({ from: period.from, to: period.to }) as { n: number; names: string | null };
  const built = partyFigures(ctx, period);
  const named = (names: string | null) => (names ? `计入：${names}。` : '');
  const out: Figure[] = [fig('服务中心', 'centres.total', '改造的服务中心', o.total, '个', `未删除的服务中心改造记录，截至 ${on}；与首页、进度表一致。`, '/centres')];
  for (const s of o.byStatus) {
    out.push(fig('服务中心', `centres.status.${s.status}`, `其中：${s.status}`, s.count, '个', `截至 ${on} 状态为“${s.status}”的服务中心（状态按当天日期判断）。`, `/centres?${q({ status: s.status })}`, 'centres.total'));
  }
  out.push(
    fig('服务中心', 'centres.completed', '完成改造（竣工验收）', done.n, '个', `竣工验收实际日期在 ${period.text} 的服务中心，改造类型不论。${named(done.names)}`, DONE_FIRST),
    fig(
      '服务中心',
      'centres.built',
      '其中：新建或改扩建',
      built.built,
      '个',
      `改造类型为新建或改扩建、竣工验收实际日期在 ${period.text} 的服务中心（维修不计）；时段为整年时与“村级组织活动场所情况（党内统计）”一致。${named(built.builtNames)}`,
      DONE_FIRST,
      'centres.completed',
    ),
    fig('服务中心', 'centres.invested', '计划总投资', wan(o.plannedFen), '万元', `全部服务中心的总投资之和（按分累加），截至 ${on}；与进度表合计一致。`, '/centres'),
    fig('服务中心', 'centres.allocated', '资金已下拨', wan(o.allocatedFen), '万元', `截至 ${on} 已记录的资金下拨之和；与进度表“已下拨”合计一致。`, '/centres'),
    fig('服务中心', 'centres.paid', '资金已支付', wan(o.paidFen), '万元', `截至 ${on} 已记录的资金支付之和；与进度表“已支付”合计一致。`, '/centres'),
  );
  return out;
}

/** `summary.figures` and the 汇总 report: the period as every statistics report reads it (1 January to today by default). */
export function summaryFigures(ctx: LedgerContext, params: { from?: string | null; to?: string | null }) {
  const period = reportPeriod(ctx, params);
  const on = today(ctx);
  const figures = [...peopleFigures(ctx, on), ...memberFigures(ctx, period, on), ...reserveFigures(ctx, period), ...centreFigures(ctx, period, on)];
  const config = getReserveConfig(ctx);
  return { period: { from: period.from, to: period.to, text: period.text }, asOf: on, figures, sentences: figureSentences(figures, config) };
}
