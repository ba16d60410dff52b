/** From 发展对象 to the 上级党委's approval: R10–R16, R20, R21. */
import { addDays, addMonths, addYears } from './dates';
import { exitDate, stepRecorded } from './record';
import { datedFrom, peopleFindings } from './rules-early';
import { monthsText, breachFrom, valid, yearsText, type Finding, type RuleCheck, type RuleContext } from './rules-context';

/** 接收 has begun once the 支部大会 (step 15) or anything after it carries a date. */
function admissionRecorded(ctx: RuleContext): boolean {
  return datedFrom(ctx, 15);
}

export const R10: RuleCheck = (ctx, th) => {
  if (!stepRecorded(ctx.record, 9) && !datedFrom(ctx, 12)) return [];
  const count = th('count');
  return peopleFindings(ctx, 9, count, count);
};

export const R11: RuleCheck = (ctx, th) => {
  const { Z } = ctx.d;
  const conclusion = ctx.record.politicalReview?.conclusion;
  const cDate = valid(conclusion?.date);
  const letters = (ctx.record.politicalReview?.examination?.letters ?? [])
    .map((l) => valid(l.date))
    .filter((d): d is string => d !== undefined)
    .sort();
  const out: Finding[] = [];
  const lastLetter = letters.at(-1);
  const gap = th('daysAfterLetters');
  if (cDate && lastLetter && cDate < addDays(lastLetter, gap)) {
    out.push({
      step: 10,
      field: 'politicalReview.conclusion.date',
      message:
        cDate === lastLetter
          ? `政审结论日期 ${cDate} 与函调日期 ${lastLetter} 同日，结论须在全部函调之后作出`
          : `政审结论日期 ${cDate} 早于函调日期 ${lastLetter}，结论须在全部函调之后作出`,
      dates: { E: cDate, letter: lastLetter },
    });
  }
  if (!admissionRecorded(ctx)) return out;
  if (!conclusion || !cDate) {
    out.push({
      step: 15,
      field: 'politicalReview.conclusion',
      message: '未记录政治审查结论，不得接收为预备党员',
      dates: Z ? { Z } : {},
    });
  } else if (conclusion.result !== '合格') {
    out.push({
      step: 15,
      field: 'politicalReview.conclusion.result',
      message: `政治审查结论为“${conclusion.result}”（${cDate}），不得接收为预备党员`,
      dates: { E: cDate },
    });
  } else if (Z && cDate > Z) {
    out.push({
      step: 10,
      field: 'politicalReview.conclusion.date',
      message: `政审结论日期 ${cDate} 晚于接收预备党员支部大会日期 ${Z}`,
      dates: { E: cDate, Z },
    });
  }
  return out;
};

export const R11b: RuleCheck = (ctx, th) => {
  const { Z } = ctx.d;
  const conclusion = ctx.record.politicalReview?.conclusion;
  const cDate = valid(conclusion?.date);
  if (!Z || !cDate || conclusion?.result !== '合格' || cDate > Z) return [];
  const years = th('years');
  const limit = addYears(cDate, years);
  if (Z <= limit) return [];
  return [
    {
      step: 15,
      field: 'date',
      message: `支部大会日期 ${Z} 距政审结论日期 ${cDate} 已超过${yearsText(years)}（有效期至 ${limit}），宜重新审查`,
      dates: { E: cDate, Z, limit },
    },
  ];
};

export const R12: RuleCheck = (ctx, th) => {
  const { F, C, Z } = ctx.d;
  const entry = ctx.record.steps[11];
  const training = entry?.training;
  const out: Finding[] = [];
  if (!stepRecorded(ctx.record, 11) && !training) {
    if (admissionRecorded(ctx)) {
      out.push({ step: 11, field: 'date', message: '未记录发展对象集中培训，不得接收为预备党员', dates: Z ? { Z } : {} });
    }
    return out;
  }
  const minDays = th('days');
  const minHours = th('hours');
  const days = training?.days ?? 0;
  const hours = training?.hours ?? 0;
  if (days < minDays && hours < minHours) {
    out.push({
      step: 11,
      field: 'training',
      message:
        training?.days === undefined && training?.hours === undefined
          ? `未记录集中培训天数或学时（应不少于${minDays}天或${minHours}学时）`
          : `集中培训${days}天、${hours}学时，不足${minDays}天或${minHours}学时`,
      dates: C ? { C } : {},
    });
  }
  if (C && F && C < F) {
    out.push({ step: 11, field: 'date', message: `集中培训日期 ${C} 早于确定发展对象日期 ${F}`, dates: { F, C } });
  }
  if (C && Z && C > Z) {
    out.push({ step: 11, field: 'date', message: `集中培训日期 ${C} 晚于接收预备党员支部大会日期 ${Z}`, dates: { C, Z } });
  }
  return out;
};

export const R13: RuleCheck = (ctx) => {
  const { Y, V, Z } = ctx.d;
  const out: Finding[] = [];
  if (Y && V && V < Y) {
    out.push({ step: 14, field: 'date', message: `填写入党志愿书日期 ${V} 早于上级党委预审日期 ${Y}`, dates: { Y, V } });
  }
  if (V && Z && V > Z) {
    out.push({ step: 14, field: 'date', message: `填写入党志愿书日期 ${V} 晚于支部大会日期 ${Z}`, dates: { V, Z } });
  }
  return out;
};

/** With only the flag, the service decided; with a date, the table's month limit decides. */
export const R14: RuleCheck = (ctx, th) => {
  const { F, Z } = ctx.d;
  if (!F || exitDate(ctx.record)) return [];
  const months = th('months');
  const leaving = valid(ctx.record.leavingDate);
  const ref = Z ?? ctx.today;
  const soon = leaving !== undefined ? leaving <= addMonths(ref, months) : ctx.record.leavingWithin3Months === true;
  if (!soon) return [];
  const dates: Record<string, string> = {};
  if (leaving) dates.leaving = leaving;
  if (Z) dates.Z = Z;
  return [
    {
      step: 15,
      field: leaving ? 'leavingDate' : 'leavingWithin3Months',
      message: leaving
        ? `预计 ${leaving} 离开工作、学习单位（${monthsText(months)}内），一般不办理接收预备党员手续`
        : `预计${monthsText(months)}内离开工作、学习单位，一般不办理接收预备党员手续`,
      dates,
    },
  ];
};

export const R16: RuleCheck = (ctx, th) => {
  const { Y, Z } = ctx.d;
  if (!Y || !Z) return [];
  const months = th('months');
  const limit = addMonths(Y, months);
  if (Z <= limit) return [];
  return [
    {
      step: 15,
      field: 'date',
      message: `支部大会日期 ${Z} 晚于上级党委预审日期 ${Y} 后${monthsText(months)}（最迟 ${limit}）`,
      dates: { Y, Z, limit },
    },
  ];
};

export const R20: RuleCheck = (ctx) => {
  const { Z, U, P } = ctx.d;
  if (P && !U) {
    return [{ step: 16, field: 'date', message: `上级党委审批（${P}）前未记录派人谈话`, dates: { P } }];
  }
  const out: Finding[] = [];
  if (U && Z && U < Z) {
    out.push({ step: 16, field: 'date', message: `上级党委派人谈话日期 ${U} 早于支部大会日期 ${Z}`, dates: { Z, U } });
  }
  if (U && P && U > P) {
    out.push({ step: 16, field: 'date', message: `上级党委派人谈话日期 ${U} 晚于审批日期 ${P}`, dates: { U, P } });
  }
  return out;
};

export const R21: RuleCheck = (ctx, th) => {
  const { Z, P } = ctx.d;
  if (!Z) return [];
  const warnMonths = th('warnMonths');
  const errorMonths = th('errorMonths');
  const warnLimit = addMonths(Z, warnMonths);
  const errorLimit = addMonths(Z, errorMonths);
  const dates = { Z, limit: warnLimit, finalLimit: errorLimit };
  if (P) {
    if (P > errorLimit) {
      return [{ step: 17, field: 'date', message: `审批日期 ${P} 距支部大会日期 ${Z} 超过${monthsText(errorMonths)}（最迟 ${errorLimit}）`, dates: { ...dates, P } }];
    }
    if (P > warnLimit) {
      return [{ step: 17, field: 'date', level: 'warning', message: `审批日期 ${P} 距支部大会日期 ${Z} 超过${monthsText(warnMonths)}（应在 ${warnLimit} 前）`, dates: { ...dates, P } }];
    }
    return [];
  }
  const out: Finding[] = [];
  const errorFrom = breachFrom(ctx, errorLimit);
  const warnFrom = breachFrom(ctx, warnLimit);
  if (warnFrom && (!errorFrom || warnFrom < errorFrom)) {
    out.push({
      step: 17,
      field: 'date',
      level: 'warning',
      message: `支部大会（${Z}）后已超过${monthsText(warnMonths)}未审批（应在 ${warnLimit} 前，最迟 ${errorLimit}）`,
      dates,
      activeFrom: warnFrom,
      // The error tier takes over from its own day.
      ...(errorFrom ? { activeUntil: errorLimit } : {}),
    });
  }
  if (errorFrom) {
    out.push({ step: 17, field: 'date', message: `支部大会（${Z}）后已超过${monthsText(errorMonths)}未审批（最迟 ${errorLimit}）`, dates, activeFrom: errorFrom });
  }
  return out;
};
