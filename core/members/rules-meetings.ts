/** Meeting arithmetic (R17–R19) and 公示 length (R30). */
import { calendarDaysInclusive, workingDaysInclusive } from './dates';
import { stepDate, type MeetingCounts } from './record';
import { fractionText, valid, type Finding, type RuleCheck, type RuleContext } from './rules-context';
import { STEPS, stepTitle, type StepNo } from './steps';

const MEETING_STEPS = STEPS.filter((s) => s.meeting);

function eachMeeting(ctx: RuleContext, fn: (no: StepNo, m: MeetingCounts) => Finding[]): Finding[] {
  return MEETING_STEPS.flatMap((s) => {
    const m = ctx.record.steps[s.no]?.meeting;
    return m ? fn(s.no, m) : [];
  });
}

/** The 细则 counts only members with a vote; "exactly half" is not more than half. */
export const R17: RuleCheck = (ctx, th) => {
  const fraction = th('fraction');
  const missing: Finding[] = MEETING_STEPS.filter(
    (s) => s.meeting?.countsRequired && stepDate(ctx.record, s.no) && !ctx.record.steps[s.no]?.meeting,
  ).map((s) => ({
    step: s.no,
    field: 'meeting',
    message: `${stepTitle(s.no)}未记录应到、实到、赞成、反对、弃权人数`,
    dates: {},
  }));
  const quorum = eachMeeting(ctx, (no, m) =>
    m.present > m.expected * fraction
      ? []
      : [
          {
            step: no,
            field: 'meeting.present',
            message: `${stepTitle(no)}实到${m.present}人，未超过应到有表决权${m.expected}人的${fractionText(fraction)}`,
            dates: {},
          },
        ],
  );
  return [...missing, ...quorum];
};

export const R18: RuleCheck = (ctx, th) => {
  const fraction = th('fraction');
  return eachMeeting(ctx, (no, m) =>
    m.for > m.expected * fraction
      ? []
      : [
          {
            step: no,
            field: 'meeting.for',
            message: `${stepTitle(no)}赞成${m.for}人，未超过应到有表决权${m.expected}人的${fractionText(fraction)}`,
            dates: {},
          },
        ],
  );
};

/** One vote per person: nobody is counted twice, and nobody present is left without a recorded vote. */
export const R19: RuleCheck = (ctx) =>
  eachMeeting(ctx, (no, m) => {
    const counts = [m.expected, m.present, m.for, m.against, m.abstain];
    if (counts.some((n) => !Number.isInteger(n) || n < 0)) {
      return [{ step: no, field: 'meeting', message: `${stepTitle(no)}人数须为非负整数`, dates: {} }];
    }
    const votes = m.for + m.against + m.abstain;
    const out: Finding[] = [];
    if (m.present > m.expected) {
      out.push({ step: no, field: 'meeting.present', message: `${stepTitle(no)}实到${m.present}人，多于应到${m.expected}人`, dates: {} });
    }
    if (votes > m.present) {
      out.push({
        step: no,
        field: 'meeting.for',
        message: `${stepTitle(no)}赞成、反对、弃权合计${votes}票，多于实到${m.present}人`,
        dates: {},
      });
    } else if (votes < m.present) {
      out.push({
        step: no,
        field: 'meeting.for',
        level: 'warning',
        message: `${stepTitle(no)}赞成、反对、弃权合计${votes}票，少于实到${m.present}人`,
        dates: {},
      });
    }
    return out;
  });

/** Either measure suffices: 7 calendar days, or 5 working days (which a Mon–Fri 公示 meets in 5 days). */
export const R30: RuleCheck = (ctx, th) => {
  const minDays = th('calendarDays');
  const minWorking = th('workingDays');
  const out: Finding[] = [];
  for (const s of STEPS) {
    const pub = ctx.record.steps[s.no]?.publicity;
    const expected = ctx.table.publicitySteps.includes(s.no) && stepDate(ctx.record, s.no) !== undefined;
    if (!pub) {
      if (expected) out.push({ step: s.no, field: 'publicity', message: `${stepTitle(s.no)}未记录公示期`, dates: {} });
      continue;
    }
    const from = valid(pub.from);
    const to = valid(pub.to);
    if (!from || !to) continue;
    if (from > to) {
      out.push({ step: s.no, field: 'publicity', message: `公示开始日期 ${from} 晚于结束日期 ${to}`, dates: { from, to } });
      continue;
    }
    const days = calendarDaysInclusive(from, to);
    const working = workingDaysInclusive(from, to);
    if (days < minDays && working < minWorking) {
      out.push({
        step: s.no,
        field: 'publicity',
        message: `${stepTitle(s.no)}公示 ${from} 至 ${to} 共${days}天（${working}个工作日），不足${minDays}天或${minWorking}个工作日`,
        dates: { from, to },
      });
    }
  }
  return out;
};
