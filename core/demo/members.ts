/**
 * Demo 发展档案 for the demo township: files at every stage, dated back from today so reminders fire, and a handful
 * of deliberate faults (late talk, short 培养 with a 特殊情况说明, no quorum, late approval, missing 备案) so that
 * 合规检查 has something to show.
 */
import dayjs from 'dayjs';
import { today, type LedgerContext } from '../context';
import { rejudge } from '../members/state-store';
import { stepDef, type StepNo } from '../members/steps';

/** Days after the application at which a clean file records each step. */
const OFFSETS: Record<StepNo, number> = {
  1: 0, 2: 12, 3: 60, 4: 66, 5: 67, 6: 240, 7: 430, 8: 436, 9: 437, 10: 470, 11: 480, 12: 500, 13: 508, 14: 512,
  15: 520, 16: 530, 17: 545, 18: 555, 19: 556, 20: 565, 21: 700, 22: 850, 23: 890, 24: 905, 25: 920,
};

/** How far each demo file has got, as the last recorded step; the counts give a plausible township spread. */
const SPREAD: { lastStep: StepNo; count: number }[] = [
  { lastStep: 1, count: 6 },
  { lastStep: 2, count: 6 },
  { lastStep: 5, count: 6 },
  { lastStep: 6, count: 8 },
  { lastStep: 9, count: 4 },
  { lastStep: 11, count: 4 },
  { lastStep: 15, count: 3 },
  { lastStep: 17, count: 3 },
  { lastStep: 20, count: 5 },
  { lastStep: 22, count: 3 },
  { lastStep: 25, count: 6 },
];

type Fault = 'lateTalk' | 'shortTraining' | 'noQuorum' | 'lateApproval' | 'noFiling';
const FAULTS: Fault[] = ['lateTalk', 'shortTraining', 'noQuorum', 'lateApproval', 'noFiling'];

const TALKERS = ['马建国', '李文华', '祁永福', '韩海英'];
const CONTACTS = ['张德成', '王秀梅', '赵志强', '刘春花', '陈忠平', '朱玉芳'];

export function generateDemoMembers(ctx: LedgerContext, rand: () => number): number {
  const now = today(ctx);
  const candidates = ctx.sqlite
    .prepare(
      `SELECT p.id, p.unit_id AS unitId, b.id AS branchId FROM people p
       LEFT JOIN branches b ON b.unit_id = p.unit_id
       WHERE p.deleted_at IS NULL AND p.birth_date BETWEEN ? AND ? ORDER BY p.id`,
    )
    .all(dayjs(now).subtract(38, 'year').format('YYYY-MM-DD'), dayjs(now).subtract(22, 'year').format('YYYY-MM-DD')) as { id: number; branchId: number | null }[];
  const insertRecord = ctx.sqlite.prepare('INSERT INTO member_records (person_id, branch_id, league_member, league_recommend_date) VALUES (?, ?, ?, ?)');
  const insertStep = ctx.sqlite.prepare(
    `INSERT INTO member_steps (record_id, step_no, date, people, meeting, training_days, training_hours, override_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPeriodic = ctx.sqlite.prepare('INSERT INTO member_periodic (record_id, kind, date, summary) VALUES (?, ?, ?, ?)');
  const insertReview = ctx.sqlite.prepare(
    `INSERT INTO member_reviews (record_id, talk_date, talk_by, talk_summary, report_date, report_materials, exam_date, conclusion_result, conclusion_date, conclusion_signer)
     VALUES (?, ?, ?, ?, ?, ?, ?, '合格', ?, ?)`,
  );
  const insertLetter = ctx.sqlite.prepare('INSERT INTO review_letters (record_id, date, target, reply_date) VALUES (?, ?, ?, ?)');
  const insertExit = ctx.sqlite.prepare('INSERT INTO member_exits (record_id, kind, date, reason) VALUES (?, ?, ?, ?)');
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

  const created: number[] = [];
  let next = 0;
  let made = 0;
  let faultIndex = 0;
  for (const { lastStep, count } of SPREAD) {
    for (let i = 0; i < count && next < candidates.length; i++) {
      const person = candidates[next]!;
      next += Math.max(1, Math.floor(candidates.length / 60));
      const fault = lastStep >= 15 && i === 0 ? FAULTS[faultIndex++ % FAULTS.length] : undefined;
      const jitter = Math.floor(rand() * 25);
      // Two files left waiting too long, so the first screen shows what overdue looks like: a 谈话 never held, and
      // a 预备期 that ended without a 转正 meeting.
      const waiting = i === 0 && lastStep === 1 ? 45 : i === 0 && lastStep === 22 ? 120 : 0;
      const a = dayjs(now).subtract(OFFSETS[lastStep] + jitter + 3 + waiting, 'day');
      const at = (no: StepNo, shift = 0) => a.add(OFFSETS[no] + shift, 'day').format('YYYY-MM-DD');
      const young = rand() < 0.5;
      made++;
      const recordId = Number(insertRecord.run(person.id, person.branchId, young ? 1 : 0, young ? at(1, -30) : null).lastInsertRowid);
      created.push(recordId);
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
        insertStep.run(recordId, no, at(no, shift), people ? JSON.stringify(people) : null, meeting ? JSON.stringify(meeting) : null, no === 11 ? 3 : null, no === 11 ? 24 : null, reason);
      }
      const j = a.add(OFFSETS[3], 'day');
      const until = lastStep >= 7 ? a.add(OFFSETS[7], 'day') : dayjs(now);
      if (lastStep >= 3) {
        for (let d = j.add(170, 'day'); d.isBefore(until); d = d.add(175, 'day')) insertPeriodic.run(recordId, '考察', d.format('YYYY-MM-DD'), '该同志政治立场坚定，表现良好');
        for (let d = j.add(80, 'day'); d.isBefore(until); d = d.add(85, 'day')) insertPeriodic.run(recordId, '思想汇报', d.format('YYYY-MM-DD'), '学习党的二十大精神体会');
      }
      if (lastStep >= 10) {
        insertLetter.run(recordId, at(10, -25), '户籍所在地派出所', at(10, -12));
        insertReview.run(recordId, at(10, -35), pick(TALKERS), '本人对党的认识较深刻', at(10, -30), '入党申请书、自传、政审材料', at(10, -20), at(10), '张明');
      }
      if (lastStep === 6 && i === count - 1) insertExit.run(recordId, '终止培养', at(6, 30), '本人外出务工，长期无法参加组织生活');
    }
  }
  // Through the same judge every service write uses: the demo files read back exactly as typed ones would.
  rejudge(ctx, created);
  return made;
}
