/**
 * The year-end sentences (年度工作总结数据, issue 12 §4): the figures a 年度工作总结 quotes, each in the sentence it
 * belongs in, worded as such reports word them ("储备村级后备干部N名，其中……"), so the clerk pastes rather than retypes.
 * Built from the 汇总 figures alone: a sentence never says a number the figure does not.
 */
import type { ReserveConfig } from '../reserves/config-schema';
import type { SummaryFigure, SummarySentence } from './schemas';

const CENTRAL_TRAINING = '集中培训';

/** How each default placement type reads in a sentence; a township's own type reads "参加X". */
const PLACEMENT_WORDING: Record<string, (n: number) => string> = {
  入企挂职: (n) => `${n}名入企挂职`,
  乡镇机关历练: (n) => `${n}名赴乡镇机关历练`,
  大专班: (n) => `${n}名报读大专班`,
};

/** 万元 as a report writes it: at most two decimals, no trailing zeros ("30.5万元"). */
export function wanText(wan: number): string {
  return String(Number(wan.toFixed(2)));
}

/** A share 0..1 as a percentage with one decimal, ".0" dropped ("82.4%", "80%"). */
export function percentText(share: number): string {
  return String(Number((share * 100).toFixed(1)));
}

export function figureSentences(figures: readonly SummaryFigure[], config: Pick<ReserveConfig, 'sources' | 'trainingTypes'>): SummarySentence[] {
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const value = (key: string) => byKey.get(key)?.value ?? 0;
  const out: SummarySentence[] = [];

  // 后备人才: the pool and where it comes from, the sources with nobody left out.
  const sources = config.sources.map((s, i) => ({ label: s, key: `reserves.source.${i}` })).filter((s) => value(s.key) > 0);
  if (byKey.has('reserves.source.other')) sources.push({ label: '其他来源', key: 'reserves.source.other' });
  const sourceText = sources.map((s) => `${s.label}${value(s.key)}名`).join('、');
  out.push({
    key: 'reserves.pool',
    topic: '后备人才储备',
    text: `储备村级后备干部${value('reserves.pool')}名${sourceText ? `，其中${sourceText}` : ''}。`,
    figures: ['reserves.pool', ...sources.map((s) => s.key)],
  });

  // Placements: every type but the central training, which has its own sentence.
  const placements = config.trainingTypes.map((t, i) => ({ type: t, key: `reserves.training.${i}` })).filter((p) => p.type !== CENTRAL_TRAINING && value(p.key) > 0);
  const placementText = placements.map((p) => (PLACEMENT_WORDING[p.type] ?? ((n: number) => `${n}名参加${p.type}`))(value(p.key))).join('、');
  out.push({
    key: 'reserves.placements',
    topic: '后备人才实践锻炼',
    text: placementText ? `选派后备干部${placementText}。` : '本期没有安排后备干部入企挂职、赴乡镇机关历练或报读大专班。',
    figures: placements.map((p) => p.key),
  });

  const central = config.trainingTypes.indexOf(CENTRAL_TRAINING);
  const fundsWan = wanText(value('reserves.funds') / 10_000);
  out.push(
    central >= 0
      ? {
          key: 'reserves.training',
          topic: '后备人才集中培训',
          text: `组织${value(`reserves.training.${central}`)}名后备干部参加集中培训，投入培训经费${fundsWan}万元。`,
          figures: [`reserves.training.${central}`, 'reserves.funds'],
        }
      : { key: 'reserves.training', topic: '后备人才培训经费', text: `投入后备干部培训经费${fundsWan}万元。`, figures: ['reserves.funds'] },
  );

  out.push({
    key: 'centres.renovated',
    topic: '村级综合服务中心改造升级',
    text:
      `完成${value('centres.completed')}个村级综合服务中心改造升级，其中新建或改扩建${value('centres.built')}个；` +
      `${value('centres.total')}个改造项目计划总投资${wanText(value('centres.invested'))}万元，已支付${wanText(value('centres.paid'))}万元。`,
    figures: ['centres.completed', 'centres.built', 'centres.total', 'centres.invested', 'centres.paid'],
  });

  const admitted = value('members.admitted');
  out.push(
    admitted > 0
      ? {
          key: 'members.admitted',
          topic: '发展党员',
          text: `发展党员${admitted}名，其中35岁及以下${value('members.youth')}名，占${percentText(value('members.youthShare'))}%。`,
          figures: ['members.admitted', 'members.youth', 'members.youthShare'],
        }
      : { key: 'members.admitted', topic: '发展党员', text: '本期没有经上级党委审批接收的预备党员。', figures: ['members.admitted'] },
  );
  return out;
}
