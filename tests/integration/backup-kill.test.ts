/**
 * Crash safety of backup and restore: a child process backs up (or restores) a ledger of 6,000 people with scanned
 * attachments and is killed with SIGKILL at random points (seeded, KILL_SEED replays a run) spread over the whole job,
 * measured first by one run left to finish. After every kill the folder must open, pass integrity_check, hold exactly
 * the old state or the new one (people and attachments, files included), and every backup the list shows must verify.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerHost } from '../../core/host';
import { SETUP_INPUT, addPeople, makeIdNumber, tempDir } from '../helpers/ledger';

const ROOT = resolve(__dirname, '..', '..');
const KILL_POINTS = 30;
const PARALLEL = 2;
const tmp = tempDir('ledger-backup-kill-');
const template = join(tmp.dir, 'template');
let backupFile = '';
/** The child, bundled once: starting a bundle costs a third of what tsx's on-the-fly transform does. */
const CHILD = join(ROOT, 'node_modules', '.cache', 'ledger-backup-kill', 'child.mjs');
afterAll(() => tmp.cleanup());

function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  finished: boolean;
  ms: number;
}

function runChild(mode: 'backup' | 'restore', dataDir: string, delayMs: number | null): Promise<Run> {
  return new Promise((done, fail) => {
    const args = [CHILD, mode, dataDir, ...(mode === 'restore' ? [backupFile] : [])];
    const env = { ...process.env, LEDGER_MIGRATIONS_DIR: join(ROOT, 'db', 'migrations') };
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let startedAt = 0;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!startedAt && stderr.includes('START')) {
        startedAt = performance.now();
        if (delayMs !== null) setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (!startedAt) return fail(new Error(`child ended (${code ?? signal}) before starting: ${stderr}`));
      if (delayMs === null && code !== 0) return fail(new Error(`child failed: ${stderr}`));
      done({ finished: stderr.includes('DONE'), ms: performance.now() - startedAt });
    });
  });
}

/** Finished backups in the data folder's backups/ (a killed run leaves at most a *.tmp, which is not one). */
function zipsIn(dataDir: string): number {
  const dir = join(dataDir, 'backups');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.zip')).length : 0;
}

/** What "a state" is: the people and the attachments with their files' bytes. The audit log may gain the restore line. */
function fingerprint(dataDir: string): { integrity: unknown; people: number; state: string } {
  const db = new Database(join(dataDir, 'ledger.db'));
  try {
    const hash = createHash('sha256');
    for (const r of db.prepare('SELECT id, name, id_number FROM people ORDER BY id').raw().iterate()) hash.update(JSON.stringify(r));
    for (const r of db.prepare('SELECT id, stored_path, size, deleted_at FROM attachments ORDER BY id').all() as { stored_path: string; size: number }[]) {
      const file = join(dataDir, r.stored_path);
      hash.update(JSON.stringify(r));
      hash.update(existsSync(file) && statSync(file).size === r.size ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'missing');
    }
    return { integrity: db.pragma('integrity_check', { simple: true }), people: db.prepare('SELECT count(*) FROM people').pluck().get() as number, state: hash.digest('hex') };
  } finally {
    db.close();
  }
}

/** Opens the folder as the app would; every listed backup must pass the full check. */
async function reopenAndCheckBackups(dataDir: string): Promise<string[]> {
  const host = new LedgerHost({ dataDir });
  const status = await host.start();
  const problems: string[] = [];
  if (status.error) problems.push(`open: ${status.error.message}`);
  else {
    const list = (await host.invoke('backup.list', {})) as { fileName: string }[];
    for (const b of list) {
      await host.invoke('backup.inspect', { source: { fileName: b.fileName } }).catch((e: Error) => problems.push(`${b.fileName}: ${e.message}`));
    }
  }
  await host.close();
  return problems;
}

async function addScans(host: LedgerHost, stepId: number, count: number, tag: string) {
  for (let i = 0; i < count; i++) {
    const base64 = Buffer.concat([Buffer.from('%PDF-1.4 '), randomBytes(100_000)]).toString('base64');
    await host.invoke('attachments.add', { ownerType: 'member_step', ownerId: stepId, fileName: `${tag}-${i}.pdf`, base64 });
  }
}

let oldState = '';
let newState = '';
let backupMs = 0;
let restoreMs = 0;

describe('killing a backup or a restore', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    const { build } = await import('esbuild');
    await build({ entryPoints: [join(ROOT, 'tests', 'helpers', 'backup-child.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: CHILD, logLevel: 'warning' });
    const host = new LedgerHost({ dataDir: template });
    await host.start();
    await host.invoke('org.setup', SETUP_INPUT);
    const person = (await host.invoke('people.create', { name: '马晓东', idNumber: makeIdNumber('1996-04-02'), ethnicity: '03' })) as { id: number };
    const { id } = (await host.invoke('members.create', { personId: person.id, applicationDate: '2026-10-01' })) as { id: number };
    const stepId = ((await host.invoke('members.get', { id })) as { steps: { id: number | null }[] }).steps[0]!.id!;
    // The state a restore brings back: 4,000 people and 6 scans, kept as a backup.
    addPeople(host, 1, 4_000);
    await addScans(host, stepId, 6, '旧');
    const { jobId } = (await host.invoke('backup.create', {})) as { jobId: string };
    backupFile = ((await host.jobs.settled(jobId)).result as { fileName: string }).fileName;
    // The current state: 2,000 more people and 6 more scans.
    addPeople(host, 20_001, 2_000);
    await addScans(host, stepId, 6, '新');
    await host.close();
    oldState = fingerprint(template).state;

    // Runs left to finish, as many at once as the kills will run, measure how long each job lasts on this machine.
    const whole = async (mode: 'backup' | 'restore', i: number) => {
      const dataDir = join(tmp.dir, `whole-${mode}-${i}`);
      cpSync(template, dataDir, { recursive: true });
      const run = await runChild(mode, dataDir, null);
      if (mode === 'restore') newState = fingerprint(dataDir).state;
      return run.ms;
    };
    restoreMs = Math.max(...(await Promise.all(Array.from({ length: PARALLEL }, (_, i) => whole('restore', i)))));
    backupMs = Math.max(...(await Promise.all(Array.from({ length: PARALLEL }, (_, i) => whole('backup', i)))));
    expect(newState).not.toBe(oldState);
  }, 120_000);

  for (const mode of ['backup', 'restore'] as const) {
    it(`${mode}: at ${KILL_POINTS} random points the folder holds the old or the new state, never a mix`, async () => {
      const seed = Number(process.env.KILL_SEED ?? Date.now() % 100_000);
      const random = seeded(seed + (mode === 'restore' ? 1 : 0));
      const span = mode === 'backup' ? backupMs : restoreMs;
      // Past the measured span too (the swap comes late in a restore), so kills just before and after it are among the points.
      const delays = Array.from({ length: KILL_POINTS }, () => Math.round(random() * span * (mode === 'restore' ? 1.25 : 1.5)));
      const outcomes: string[] = [];
      const backups: string[] = [];
      const bad: string[] = [];
      let next = 0;
      const worker = async () => {
        while (next < delays.length) {
          const point = next++;
          const delay = delays[point]!;
          const dataDir = join(tmp.dir, `${mode}-${point}`);
          cpSync(template, dataDir, { recursive: true });
          const zipsBefore = zipsIn(dataDir);
          const run = await runChild(mode, dataDir, delay);
          // Counted before reopening, which may take its own daily backup; each zip there is inspected below.
          if (mode === 'backup') {
            const kept = zipsIn(dataDir) > zipsBefore;
            backups.push(kept ? 'written' : 'none');
            if (run.finished && !kept) bad.push(`point ${point} (${delay} ms, seed ${seed}): the backup reported done but no zip is there`);
          }
          const found = fingerprint(dataDir);
          const state = found.state === oldState ? 'old' : found.state === newState ? 'new' : 'mixed';
          outcomes.push(state);
          // A backup changes no data; a finished restore must have the new state.
          const expected = mode === 'backup' ? state === 'old' : state !== 'mixed' && (!run.finished || state === 'new');
          if (found.integrity !== 'ok' || !expected) bad.push(`point ${point} (${delay} ms, seed ${seed}): ${state}, integrity ${String(found.integrity)}, finished ${run.finished}`);
          for (const p of await reopenAndCheckBackups(dataDir)) bad.push(`point ${point} (${delay} ms, seed ${seed}): ${p}`);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      const count = (s: string) => outcomes.filter((o) => o === s).length;
      const written = backups.filter((b) => b === 'written').length;
      const made = mode === 'backup' ? `; backup zip whole ${written}, none ${backups.length - written}, partial 0` : '';
      console.log(`${mode} kill: ${KILL_POINTS} points over a ${Math.round(span)} ms job (seed ${seed}): data old ${count('old')}, new ${count('new')}, mixed ${count('mixed')}${made}`);
      expect(bad).toEqual([]);
      if (mode === 'restore') {
        // The points must straddle the swap, or the test proves nothing.
        expect(count('old')).toBeGreaterThan(0);
        expect(count('new')).toBeGreaterThan(0);
      }
    });
  }
});
