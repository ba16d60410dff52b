/**
 * A realistic 发展档案 history, dated back from today: the date pattern of a clean file at every stage, and the
 * handful of deliberate faults 合规检查 should find. The demo township and the district benchmark both draw their
 * files from here, so the benchmark judges the same kind of history a clerk sees in the demo.
 */
import dayjs from 'dayjs';
import type { BulkFile, BulkStep } from '../members/bulk';
import { stepDef, type StepNo } from '../members/steps';

/** Days after the application at which a clean file records each step. */
export const OFFSETS: Record<StepNo, number> = {
  1: 0, 2: 12, 3: 60, 4: 66, 5: 67, 6: 240, 7: 430, 8: 436, 9: 437, 10: 470, 11: 480, 12: 500, 13: 508, 14: 512,
  15: 520, 16: 530, 17: 545, 18: 555, 19: 556, 20: 565, 21: 700, 22: 850, 23: 890, 24: 905, 25: 920,
};

export type Fault = 'lateTalk' | 'shortTraining' | 'noQuorum' | 'lateApproval' | 'noFiling';
export const FAULTS: Fault[] = ['lateTalk', 'shortTraining', 'noQuorum', 'lateApproval', 'noFiling'];

const TALKERS = ['马建国', '李文华', '祁永福', '韩海英'];
const CONTACTS = ['张德成', '王秀梅', '赵志强', '刘春花', '陈忠平', '朱玉芳'];

export interface HistoryPlan {
  personId: number;
  branchId: number | null;
  /** How far the file has got. */
  lastStep: StepNo;
  fault?: Fault;
  /** Extra days the file has waited after its last step (an overdue reminder to show). */
  waiting?: number;
  /** 终止培养 a month after step 6. */
  terminated?: boolean;
}

/** One file's whole history as of `now`; `rand` decides the small variations, in a fixed order. */
export function demoHistory(plan: HistoryPlan, now: string, rand: () => number): BulkFile {
  const { lastStep, fault } = plan;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const jitter = Math.floor(rand() * 25);
  const a = dayjs(now).subtract(OFFSETS[lastStep] + jitter + 3 + (plan.waiting ?? 0), 'day');
  const at = (no: StepNo, shift = 0) => a.add(OFFSETS[no] + shift, 'day').format('YYYY-MM-DD');
  const young = rand() < 0.5;
  const file: BulkFile = { personId: plan.personId, branchId: plan.branchId, leagueMember: young, leagueRecommendDate: young ? at(1, -30) : null, steps: [] };
  for (let no = 1 as StepNo; no <= lastStep; no = (no + 1) as StepNo) {
    if (fault === 'noFiling' && no === 4) continue;
    let shift = 0;
    let reason: string | null = null;
    if (fault === 'lateTalk' && no === 2) shift = 40;
    if (fault === 'shortTraining' && no >= 7) {
      shift = no === 7 ? -90 : 0;
      reason = no === 7 ? '经镇党委研究，因本人长期在外务工返乡后集中考察，提前列为发展对象' : null;
    }
    if (fault === 'lateApproval' && no >= 17) shift = 120;
    const def = stepDef(no);
    const people =
      def.people?.role === '谈话人'
        ? [{ name: pick(TALKERS), isFullMember: true }]
        : def.people
          ? [pick(CONTACTS), pick(CONTACTS.filter((c) => c !== CONTACTS[0]))].slice(0, def.people.max ?? 2).map((name) => ({ name, isFullMember: true }))
          : null;
    const expected = 18 + Math.floor(rand() * 20);
    const present = fault === 'noQuorum' && no === 15 ? Math.floor(expected / 2) : expected - Math.floor(rand() * 4);
    const meeting = def.meeting?.countsRequired ? { expected, present, for: present - 1, against: 0, abstain: 1 } : null;
    const step: BulkStep = { stepNo: no, date: at(no, shift), people, meeting, trainingDays: no === 11 ? 3 : null, trainingHours: no === 11 ? 24 : null, overrideReason: reason };
    file.steps.push(step);
  }
  const j = a.add(OFFSETS[3], 'day');
  const until = lastStep >= 7 ? a.add(OFFSETS[7], 'day') : dayjs(now);
  file.periodic = [];
  if (lastStep >= 3) {
    for (let d = j.add(170, 'day'); d.isBefore(until); d = d.add(175, 'day')) file.periodic.push({ kind: '考察', date: d.format('YYYY-MM-DD'), summary: '该同志政治立场坚定，表现良好' });
    for (let d = j.add(80, 'day'); d.isBefore(until); d = d.add(85, 'day')) file.periodic.push({ kind: '思想汇报', date: d.format('YYYY-MM-DD'), summary: '学习党的二十大精神体会' });
  }
  if (lastStep >= 10) {
    file.letters = [{ date: at(10, -25), target: '户籍所在地派出所', replyDate: at(10, -12) }];
    file.review = {
      talkDate: at(10, -35),
      talkBy: pick(TALKERS),
      talkSummary: '本人对党的认识较深刻',
      reportDate: at(10, -30),
      reportMaterials: '入党申请书、自传、政审材料',
      examDate: at(10, -20),
      conclusionResult: '合格',
      conclusionDate: at(10),
      conclusionSigner: '张明',
    };
  }
  if (plan.terminated) file.exits = [{ kind: '终止培养', date: at(6, 30), reason: '本人外出务工，长期无法参加组织生活' }];
  return file;
}
