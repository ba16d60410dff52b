/** The 培养 form's values and how they become the contract's facts, shared by 报名培训 and 修改培养记录. */
import dayjs, { type Dayjs } from 'dayjs';
import type { COST_ITEMS } from '../../../../core/reserves/codes';
import { formatYuan, parseYuan } from '../../../../core/reserves/money';
import { iso } from './labels';
import type { Enrolment } from './types';

export interface TrainingValues {
  type: string;
  title?: string;
  host?: string;
  startOn: Dayjs | null;
  endOn: Dayjs | null;
  hours: number | null;
  cost?: string;
  fundingSource?: string;
  costItem?: (typeof COST_ITEMS)[number];
}

/** The form's fields, for placing server field errors. */
export const TRAINING_FIELDS = ['type', 'title', 'host', 'startOn', 'endOn', 'hours', 'fundingSource', 'costItem'] as const;

export const yuanRule = {
  validator: (_: unknown, v: string | undefined) =>
    !v?.trim() || parseYuan(v) !== null ? Promise.resolve() : Promise.reject(new Error('请填写金额（元），最多两位小数，如 1000.50')),
};

/** The typed 元 as 分: blank is no cost, text that is not money is null (the form's rule has already said so). */
export function costFenOf(cost: string | undefined): number | null {
  return cost?.trim() ? parseYuan(cost) : 0;
}

/** The class's facts as both addTraining and updateTraining take them; source and 科目 only go with a cost. */
export function trainingFacts(v: TrainingValues) {
  const fen = costFenOf(v.cost) ?? 0;
  return {
    type: v.type,
    title: v.title?.trim() || null,
    host: v.host?.trim() || null,
    startOn: iso(v.startOn)!,
    endOn: iso(v.endOn),
    hours: v.hours ?? 0,
    costFen: fen,
    fundingSource: fen > 0 ? (v.fundingSource ?? null) : null,
    costItem: fen > 0 ? (v.costItem ?? null) : null,
  };
}

/** A recorded class as form values, with the whole class's cost (not this trainee's share). */
export function trainingValuesOf(t: Enrolment): TrainingValues {
  return {
    type: t.type,
    title: t.title ?? undefined,
    host: t.host ?? undefined,
    startOn: dayjs(t.startOn),
    endOn: t.endOn ? dayjs(t.endOn) : null,
    hours: t.hours,
    cost: t.classCostFen > 0 ? formatYuan(t.classCostFen) : undefined,
    fundingSource: t.fundingSource ?? undefined,
    costItem: (t.costItem as TrainingValues['costItem']) ?? undefined,
  };
}
