/**
 * The benchmark's data: a township register at district scale (100,000 people, 20,000 发展档案 with their whole
 * history), deterministic from a seed, loaded through the services' bulk paths in batches of one transaction each.
 * The people and histories are the demo's (core/demo), spread over 多巴镇's villages.
 */
import dayjs from 'dayjs';
import { performance } from 'node:perf_hooks';
import { inTransaction, today } from '../../core/context';
import { seedDemoTownship, seededRandom } from '../../core/demo/generate';
import { demoHistory, FAULTS, type Fault } from '../../core/demo/history';
import { SPREAD } from '../../core/demo/members';
import { demoPerson } from '../../core/demo/people';
import { LedgerHost } from '../../core/host';
import { insertFilesBatch, type BulkFile } from '../../core/members/bulk';
import type { StepNo } from '../../core/members/steps';
import { insertPeopleBatch } from '../../core/people/bulk';

export interface DistrictSize {
  people: number;
  files: number;
  seed?: number;
}

export interface DistrictLoad {
  people: number;
  files: number;
  peopleMs: number;
  filesMs: number;
  totalMs: number;
}

const PEOPLE_BATCH = 5_000;
const FILE_BATCH = 1_000;

/** A last step drawn with the demo township's spread. */
function lastStepOf(rand: () => number): StepNo {
  const total = SPREAD.reduce((n, s) => n + s.count, 0);
  let r = rand() * total;
  for (const s of SPREAD) if ((r -= s.count) < 0) return s.lastStep;
  return SPREAD[SPREAD.length - 1]!.lastStep;
}

/** Fills an empty data folder; returns what it loaded and how long each part took. */
export async function generateDistrict(dataDir: string, size: DistrictSize): Promise<DistrictLoad> {
  const seed = size.seed ?? 20261203;
  const host = new LedgerHost({ dataDir });
  await host.start();
  const ctx = host.context;
  try {
    const start = performance.now();
    const { units } = inTransaction(ctx, () => seedDemoTownship(ctx, { isDemo: false }));
    const now = today(ctx);
    const rand = seededRandom(seed);
    const usedIds = new Set<string>();
    const youngest = dayjs(now).subtract(22, 'year').format('YYYY-MM-DD');
    const oldest = dayjs(now).subtract(38, 'year').format('YYYY-MM-DD');
    // People of the age 发展党员 mostly are, with their 党支部: the files are drawn from them.
    const candidates: { personId: number; branchId: number }[] = [];
    for (let done = 0; done < size.people; done += PEOPLE_BATCH) {
      const batch = Array.from({ length: Math.min(PEOPLE_BATCH, size.people - done) }, (_, i) => {
        const unit = units[(done + i) % units.length]!;
        return { unit, row: demoPerson(rand, now, unit, usedIds) };
      });
      const ids = insertPeopleBatch(ctx, batch.map((b) => b.row));
      batch.forEach((b, i) => {
        if (b.row.birthDate >= oldest && b.row.birthDate <= youngest) candidates.push({ personId: ids[i]!, branchId: b.unit.branchId });
      });
    }
    const peopleMs = performance.now() - start;
    if (candidates.length < size.files) throw new Error(`适龄人员只有 ${candidates.length} 人，不够建 ${size.files} 份发展档案`);

    const fileRand = seededRandom(seed + 1);
    const stride = candidates.length / size.files;
    let faultIndex = 0;
    for (let done = 0; done < size.files; done += FILE_BATCH) {
      const files: BulkFile[] = [];
      for (let i = done; i < Math.min(done + FILE_BATCH, size.files); i++) {
        const who = candidates[Math.floor(i * stride)]!;
        const lastStep = lastStepOf(fileRand);
        // Mostly clean files, with the demo's faults and overdue waits here and there, so checks have work to do.
        const fault: Fault | undefined = lastStep >= 15 && fileRand() < 0.08 ? FAULTS[faultIndex++ % FAULTS.length] : undefined;
        const waiting = (lastStep === 1 || lastStep === 22) && fileRand() < 0.1 ? (lastStep === 1 ? 45 : 120) : 0;
        const terminated = lastStep === 6 && fileRand() < 0.1;
        files.push(demoHistory({ personId: who.personId, branchId: who.branchId, lastStep, fault, waiting, terminated }, now, fileRand));
      }
      insertFilesBatch(ctx, files);
    }
    const totalMs = performance.now() - start;
    return { people: size.people, files: size.files, peopleMs, filesMs: totalMs - peopleMs, totalMs };
  } finally {
    await host.close();
  }
}
