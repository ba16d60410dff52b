/** A clean 发展党员 file placed anywhere in time: CLEAN_PATH moved so its 支部大会 and 审批 fall on given days. */
import dayjs from 'dayjs';
import type { LedgerHost } from '../../core/host';
import { makeIdNumber } from './ledger';
import { CLEAN_PATH } from './members';

/** CLEAN_PATH's 支部大会 date: every other date is moved by the same number of days. */
const CLEAN_Z = '2024-05-20';
let seq = 0;

const move = (date: string, days: number) => dayjs(date).add(days, 'day').format('YYYY-MM-DD');

export interface PlacedFile {
  name: string;
  birth: string;
  /** 支部大会 (节点15). */
  z: string;
  /** 上级党委审批 (节点17); null leaves the file waiting for it. */
  p: string | null;
  unitId: number;
  branchId: number;
}

export async function fileVotedOn(host: LedgerHost, f: PlacedFile): Promise<number> {
  const days = dayjs(f.z).diff(CLEAN_Z, 'day');
  const person = (await host.invoke('people.create', { name: f.name, idNumber: makeIdNumber(f.birth, '男', 500 + ++seq), ethnicity: '01', education: '21', occupation: '农牧渔民', unitId: f.unitId })) as { id: number };
  const { id } = (await host.invoke('members.create', { personId: person.id, branchId: f.branchId, applicationDate: move('2023-01-10', days) })) as { id: number };
  for (const d of ['2023-08-30', '2024-02-28']) await host.invoke('members.addPeriodic', { recordId: id, kind: '考察', date: move(d, days) });
  for (const d of ['2023-03-30', '2023-06-30', '2023-09-30', '2023-12-30', '2024-03-30']) await host.invoke('members.addPeriodic', { recordId: id, kind: '思想汇报', date: move(d, days) });
  for (let no = 2; no <= 15; no++) {
    if (no === 10) {
      await host.invoke('members.addLetter', { recordId: id, date: move('2024-03-10', days), target: '户籍所在地派出所' });
      await host.invoke('members.saveReview', {
        recordId: id,
        talkDate: move('2024-03-08', days),
        talkBy: '王书记',
        reportDate: move('2024-03-09', days),
        reportMaterials: '本人自传、政审材料',
        examDate: move('2024-03-12', days),
        conclusionResult: '合格',
        conclusionDate: move('2024-04-01', days),
        conclusionSigner: '张明',
      });
    }
    await host.invoke('members.recordStep', { recordId: id, stepNo: no, ...CLEAN_PATH[no], date: move(CLEAN_PATH[no]!.date as string, days) });
  }
  const talk = f.p ? move(f.z, Math.floor(dayjs(f.p).diff(f.z, 'day') / 2)) : move(f.z, 5);
  await host.invoke('members.recordStep', { recordId: id, stepNo: 16, ...CLEAN_PATH[16], date: talk });
  if (f.p) await host.invoke('members.recordStep', { recordId: id, stepNo: 17, date: f.p });
  return id;
}
