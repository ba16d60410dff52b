/**
 * `npm run web`'s server and a Chromium for the bench's browser figures: the server runs in its own process on a
 * given data folder, and the browser is Debian's (/usr/bin/chromium or CHROMIUM_PATH) with the project's launch args.
 * Needs the built renderer (`npx electron-vite build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..', '..');
const URL_LINE = /请在浏览器中打开：(http:\/\/\S+)/;

export async function startServer(dataDir: string, extraArgs: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--data-dir', dataDir, '--port', '0', ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, LEDGER_WEB_TOKEN: `bench-${Date.now()}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((done, fail) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error(`服务 60 秒内没有启动：\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString('utf8');
      const m = URL_LINE.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        done(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`服务意外退出（${code}）：\n${log}`)));
  }).catch((err: unknown) => {
    child.kill('SIGTERM');
    throw err;
  });
  return { url, child };
}

/** Stops the server and waits until it has closed its data file. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

export function launchChromium(): Promise<Browser> {
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({
    executablePath: existsSync(executable) ? executable : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
