/**
 * Crash safety of a migration (issue 11): a ledger at an older schema with 10,000 people is upgraded by a child
 * process that is killed with SIGKILL at 30+ random points between its start and its end (the backup copy, its
 * check, the rename, the one migration transaction). Every time, the file must pass integrity_check and be wholly
 * the old ledger or wholly the new one (schema, applied migrations, application id and every person), the
 * backups folder may hold only complete, verified copies under a final name, and the ledger must open again.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openDatabase } from '../../db/open';
import { oldLedger, signature, tmpRoot, type FileSignature } from '../helpers/db-faults';

const ROOT = resolve(__dirname, '..', '..');
const PEOPLE = 10_000;
const KILLS = 30;
const PARALLEL = 6;
const root = tmpRoot('ledger-migrate-kill-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const template = join(root, 'template');
let oldSig: FileSignature;
let newSig: FileSignature;
let migrationMs = 0;

interface Run {
  finished: boolean;
  killed: boolean;
  /** From 开始升级 to the end (exit or kill). */
  ms: number;
}

function runChild(dataDir: string, killAfterMs: number | null): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/migrate-child.ts', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let started = 0;
    let killed = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!started && stderr.includes('开始升级')) {
        started = Date.now();
        if (killAfterMs !== null) setTimeout(() => (killed = child.kill('SIGKILL')), killAfterMs);
      }
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (!started) return fail(new Error(`the child ended (${code ?? signal}) before it started: ${stderr}`));
      if (signal !== 'SIGKILL' && code !== 0) return fail(new Error(`the child failed (${code}): ${stderr}`));
      done({ finished: stdout.includes('"migrated"'), killed: killed && signal === 'SIGKILL', ms: Date.now() - started });
    });
  });
}

function freshCopy(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(template, DB_FILE_NAME), join(dir, DB_FILE_NAME));
  return dir;
}

/** Every file under a final name in backups/ is a whole copy of the old ledger; unfinished copies are hidden .part files. */
function checkBackups(dataDir: string): { complete: number; partial: number } {
  const dir = join(dataDir, 'backups');
  let complete = 0;
  let partial = 0;
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return { complete, partial };
  }
  for (const name of names) {
    if (name.startsWith('.')) {
      expect(name).toMatch(/\.part(-wal|-shm|-journal)?$/);
      partial++;
      continue;
    }
    const path = join(dir, name);
    expect(statSync(path).size).toBeGreaterThan(0);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    expect(signature(path)).toEqual(oldSig);
    complete++;
  }
  return { complete, partial };
}

describe('killing a migration at random points', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await oldLedger(root, template, 2, PEOPLE);
    oldSig = signature(join(template, DB_FILE_NAME));
    // Timed the way the kills run, several children at once, so the kill points spread over the whole upgrade.
    const references = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => freshCopy(`reference-${i}`)).map((dir) => runChild(dir, null).then((run) => ({ run, dir }))));
    migrationMs = Math.max(...references.map((r) => r.run.ms));
    newSig = signature(join(references[0]!.dir, DB_FILE_NAME));
    for (const { run, dir } of references) {
      expect(run.finished).toBe(true);
      expect(signature(join(dir, DB_FILE_NAME))).toEqual(newSig);
      expect(checkBackups(dir)).toEqual({ complete: 1, partial: 0 });
      rmSync(dir, { recursive: true, force: true });
    }
    expect(newSig.migrations.length).toBeGreaterThan(oldSig.migrations.length);
    expect(newSig.people).toBe(PEOPLE);
  }, 120_000);

  it(`leaves the old ledger or the new one, never a mix, at ${KILLS} kill points`, async () => {
    const outcomes = { old: 0, new: 0, landed: 0, backups: 0, partials: 0 };
    const delays: number[] = [];
    let attempt = 0;
    // A child that runs faster than the measured migration finishes before its kill: try again, up to four times over.
    while (outcomes.landed < KILLS && attempt < KILLS * 4) {
      const batch = Array.from({ length: PARALLEL }, () => {
        const delay = Math.round(Math.random() * migrationMs * 0.9);
        const dir = freshCopy(`kill-${++attempt}`);
        return runChild(dir, delay).then((run) => ({ run, dir, delay }));
      });
      for (const { run, dir, delay } of await Promise.all(batch)) {
        const file = join(dir, DB_FILE_NAME);
        const db = new Database(file);
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        } finally {
          db.close();
        }
        const sig = signature(file);
        if (run.finished) expect(sig).toEqual(newSig);
        else expect([oldSig, newSig]).toContainEqual(sig);
        if (run.killed) {
          outcomes.landed++;
          delays.push(delay);
        }
        outcomes[JSON.stringify(sig) === JSON.stringify(oldSig) ? 'old' : 'new']++;
        const b = checkBackups(dir);
        outcomes.backups += b.complete;
        outcomes.partials += b.partial;
        // The ledger opens again and finishes the upgrade with every person.
        const opened = await openDatabase({ dataDir: dir });
        expect(opened.sqlite.prepare('SELECT count(*) FROM people').pluck().get()).toBe(PEOPLE);
        opened.close();
        expect(signature(file)).toMatchObject({ schema: newSig.schema, migrations: newSig.migrations, people: PEOPLE });
        rmSync(dir, { recursive: true, force: true });
      }
    }
    console.log(
      `migration of ${PEOPLE} people took ${migrationMs} ms; ${outcomes.landed} kills landed (${delays.sort((a, b) => a - b).join(', ')} ms); ` +
        `old ${outcomes.old}, new ${outcomes.new}, mixed 0; verified backups ${outcomes.backups}, hidden partial copies ${outcomes.partials}`,
    );
    expect(outcomes.landed).toBeGreaterThanOrEqual(KILLS);
  });
});
