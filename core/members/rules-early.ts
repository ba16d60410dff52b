/** Stages 一 to 三 up to 发展对象: R01–R09. */
import { addDays, addMonths, addYears, ageAt, minDate, periodsAfter } from './dates';
import { exitDate, stepDate, stepRecorded } from './record';
import {
  label,
  monthsText,
  breachFrom,
  valid,
  yearsText,
  type Finding,
  type RuleCheck,
  type RuleContext,
} from './rules-context';
import { STEP_NUMBERS, stepDef, type StepNo } from './steps';

/** A later stage has begun once a step from `first` on carries a date (people or counts alone do not count). */
export function datedFrom(ctx: RuleContext, first: StepNo): boolean {
  return STEP_NUMBERS.some((no) => no >= first && stepDate(ctx.record, no) !== undefined);
}

export const R01: RuleCheck = (ctx, th) => {
  const { A } = ctx.d;
  const birth = valid(ctx.record.person.birthDate);
  if (!A || !birth) return [];
  const min = th('age');
  if (birth > A) {
    // Not an age at all: one of the two dates is mistyped (DAT warns about it too on a stored file).
    return [{ step: 1, field: 'date', message: `申请日期 ${A} 早于出生日期 ${birth}，请核对出生日期或申请日期`, dates: { A, birthDate: birth } }];
  }
  const age = ageAt(birth, A);
  if (age >= min) return [];
  const reached = addYears(birth, min);
  return [
    {
      step: 1,
      field: 'date',
      message: `申请日期 ${A} 时年仅${age}周岁（出生日期 ${birth}），须年满${min}周岁（${reached} 起）`,
      dates: { A, birthDate: birth, earliest: reached },
    },
  ];
};

export const R02: RuleCheck = (ctx, th) => {
  const { A, T } = ctx.d;
  if (!A) return [];
  const months = th('months');
  const limit = addMonths(A, months);
  if (T) {
    if (T <= limit) return [];
    return [
      {
        step: 2,
        field: 'date',
        message: `谈话日期 ${T} 晚于申请日期 ${A} 后${monthsText(months)}（最迟 ${limit}）`,
        dates: { A, T, limit },
      },
    ];
  }
  const activeFrom = breachFrom(ctx, limit);
  if (!activeFrom) return [];
  return [
    {
      step: 2,
      field: 'date',
      message: `申请日期 ${A} 后${monthsText(months)}内未派人谈话（最迟 ${limit}）`,
      dates: { A, limit },
      activeFrom,
    },
  ];
};

/** 备案 has no deadline of its own; it is missing once the next stage has begun without it. */
export const R03: RuleCheck = (ctx) => {
  const { J } = ctx.d;
  if (!J || stepRecorded(ctx.record, 4) || !datedFrom(ctx, 7)) return [];
  return [
    {
      step: 4,
      field: 'date',
      message: `已确定入党积极分子（${J}）并进入下一阶段，但未记录报上级党委备案`,
      dates: { J },
    },
  ];
};

export const R05: RuleCheck = (ctx, th) => {
  const { J } = ctx.d;
  const { person } = ctx.record;
  const birth = valid(person.birthDate);
  if (!J || !birth || person.hasLeagueRecommendation) return [];
  const age = ageAt(birth, J);
  const limit = th('age');
  if (age >= limit) return [];
  return [
    {
      step: 3,
      field: 'person.hasLeagueRecommendation',
      message: `确定入党积极分子时（${J}）${age}周岁，未满${limit}周岁，未记录团组织推优`,
      dates: { J, birthDate: birth },
    },
  ];
};

/** Checks the people of a step that names 培养联系人 or 介绍人 (R06, R10). */
export function peopleFindings(ctx: RuleContext, no: StepNo, min: number, max: number): Finding[] {
  const role = stepDef(no).people?.role ?? '';
  const people = ctx.record.steps[no]?.people ?? [];
  const out: Finding[] = [];
  if (people.length < min || people.length > max) {
    const want = min === max ? `${min}名` : `${min}至${max}名`;
    out.push({ step: no, field: 'people', message: `${role}应为${want}正式党员，现记录${people.length}名`, dates: {} });
  }
  const notFull = people.filter((p) => p.isFullMember === false).map((p) => p.name);
  if (notFull.length > 0) {
    out.push({ step: no, field: 'people', message: `${role}${notFull.join('、')}不是正式党员`, dates: {} });
  }
  return out;
}

export const R06: RuleCheck = (ctx, th) => {
  if (!stepRecorded(ctx.record, 5) && !ctx.d.F) return [];
  return peopleFindings(ctx, 5, th('min'), th('max'));
};

/**
 * Periodic records after J: every period (J+k·m, J+(k+1)·m] needs at least one dated record. A period is
 * judged once it is over: before `stop` (F for 考察, Z for 思想汇报, or leaving), or before today.
 */
function periodicFindings(
  ctx: RuleContext,
  months: number,
  stop: string | undefined,
  dates: readonly string[],
  what: string,
  field: string,
): Finding[] {
  const { J } = ctx.d;
  if (!J || months <= 0) return [];
  const until = minDate(stop, ctx.until)!;
  const recorded = dates.filter((d) => valid(d) !== undefined);
  // A period counts once it is over, or once the stop ends it early: the day after its end, or the stop day.
  return periodsAfter(J, months, until)
    .filter((p) => stop === undefined || p.to <= stop)
    .filter((p) => !recorded.some((d) => d >= p.from && d <= p.to))
    .map((p) => ({
      step: 6,
      field,
      message: `${p.from} 至 ${p.to} 期间无${what}记录（每${monthsText(months)}至少一次，自${label('J')} ${J} 起算）`,
      dates: { J, from: p.from, to: p.to },
      activeFrom: stop !== undefined && p.to >= stop ? stop : addDays(p.to, 1),
    }));
}

export const R07: RuleCheck = (ctx, th) =>
  periodicFindings(
    ctx,
    th('months'),
    minDate(ctx.d.F, exitDate(ctx.record)),
    ctx.record.periodic?.inspections ?? [],
    '入党积极分子考察',
    'periodic.inspections',
  );

export const R08: RuleCheck = (ctx, th) =>
  periodicFindings(
    ctx,
    th('months'),
    minDate(ctx.d.Z, exitDate(ctx.record)),
    ctx.record.periodic?.thoughtReports ?? [],
    '思想汇报',
    'periodic.thoughtReports',
  );

export const R09: RuleCheck = (ctx, th) => {
  const { J, F } = ctx.d;
  const out: Finding[] = [];
  if (J && F) {
    const years = th('years');
    const earliest = addYears(J, years);
    if (F < earliest) {
      out.push({
        step: 7,
        field: 'date',
        message: `确定发展对象日期 ${F} 距确定入党积极分子日期 ${J} 不满${yearsText(years)}（最早 ${earliest}）`,
        dates: { J, F, earliest },
      });
    }
  }
  if (F && !stepRecorded(ctx.record, 8) && datedFrom(ctx, 12)) {
    out.push({
      step: 8,
      field: 'date',
      message: `已确定发展对象（${F}）并进入接收阶段，但未记录报上级党委备案`,
      dates: { F },
    });
  }
  return out;
};
