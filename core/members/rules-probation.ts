/** The 预备期 and 转正: R24–R27 and R29. R23 and R28 are values, computed in derived.ts. */
import { addDays, addMonths, probationEnd } from './dates';
import { extensionMonths } from './record';
import { breachFrom, monthsText, type RuleCheck } from './rules-context';

export const R24: RuleCheck = (ctx) => {
  const { P, S } = ctx.d;
  if (!P || !S || S >= P) return [];
  return [{ step: 20, field: 'date', message: `入党宣誓日期 ${S} 早于上级党委审批日期 ${P}`, dates: { P, S } }];
};

export const R25: RuleCheck = (ctx, th) => {
  const ext = ctx.record.exits?.extension;
  if (!ext) return [];
  const min = th('minMonths');
  const max = th('maxMonths');
  if (Number.isInteger(ext.months) && ext.months >= min && ext.months <= max) return [];
  return [
    {
      step: 23,
      field: 'exits.extension.months',
      message: `延长预备期${ext.months}个月，应为${min}至${max}个月的整月数`,
      dates: {},
    },
  ];
};

/**
 * The earliest 转正 meeting is the first day after the 预备期: Z + 1 year, or later by an extension. Counted
 * in months from Z so an extension on a Feb 29 admission is clamped once, as probationEnd does.
 */
export const R26: RuleCheck = (ctx, th) => {
  const { Z, Q } = ctx.d;
  if (!Z || !Q) return [];
  const ext = extensionMonths(ctx.record);
  const earliest = addMonths(Z, 12 * th('years') + ext);
  if (Q >= earliest) return [];
  const end = addDays(earliest, -1);
  return [
    {
      step: 23,
      field: 'date',
      message: `转正支部大会日期 ${Q} 早于预备期满（预备期至 ${end}${ext ? `，含延长${ext}个月` : ''}，最早 ${earliest}）`,
      dates: { Z, Q, earliest },
    },
  ];
};

export const R27: RuleCheck = (ctx, th) => {
  const { Q, R } = ctx.d;
  if (!Q) return [];
  const months = th('months');
  const limit = addMonths(Q, months);
  if (R) {
    if (R <= limit) return [];
    return [
      {
        step: 24,
        field: 'date',
        message: `转正审批日期 ${R} 晚于转正支部大会日期 ${Q} 后${monthsText(months)}（最迟 ${limit}）`,
        dates: { Q, R, limit },
      },
    ];
  }
  const activeFrom = breachFrom(ctx, limit);
  if (!activeFrom) return [];
  return [
    {
      step: 24,
      field: 'date',
      message: `转正支部大会（${Q}）后${monthsText(months)}内未审批（最迟 ${limit}）`,
      dates: { Q, limit },
      activeFrom,
    },
  ];
};

/**
 * The 细则 asks the 支部 to decide in time once the 预备期 is over: 转正, or 延长预备期 (which moves the end, so the
 * question comes back when the extension ends). Months after the end with neither is a finding, not just a reminder.
 */
export const R29: RuleCheck = (ctx, th) => {
  const { Z, Q, R } = ctx.d;
  if (!Z || Q || R) return [];
  const ext = extensionMonths(ctx.record);
  const end = probationEnd(Z, ext);
  const months = th('months');
  const limit = addMonths(end, months);
  const activeFrom = breachFrom(ctx, limit);
  if (!activeFrom) return [];
  return [
    {
      activeFrom,
      step: 23,
      field: 'date',
      message: `预备期已于 ${end} 期满${ext ? `（含延长${ext}个月）` : ''}，逾期${monthsText(months)}（${limit}）仍未讨论转正，也未决定延长预备期`,
      dates: { Z, limit },
    },
  ];
};
