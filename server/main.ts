/** `npm run web`: serves the ledger in a browser where Electron cannot run. Prints the URL to open. */
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from '../core/args';
import { LedgerHost, clockFromEnv } from '../core/host';
import { defaultDataDir } from '../core/paths';
import { startWebServer } from './app';

const args = parseArgs(process.argv.slice(2));
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = args.dataDir ?? defaultDataDir();
const token = process.env.LEDGER_WEB_TOKEN || randomBytes(24).toString('hex');
const portOption = args.options.port ?? process.env.LEDGER_WEB_PORT;
const port = typeof portOption === 'string' ? Number(portOption) : 0;

const host = new LedgerHost({ dataDir, startInDemo: args.demo, now: clockFromEnv(), dailyBackup: true });
const status = await host.start();
const { server, url } = await startWebServer({ host, token, rendererDir: join(root, 'out', 'renderer'), port });

console.log(`基层党建工作台账（网页模式）已启动`);
console.log(`数据文件夹：${status.dataDir}${status.demo ? '（演示数据）' : ''}`);
if (status.error) console.log(`注意：${status.error.message}`);
console.log(`请在浏览器中打开：${url}`);
console.log('（此地址含本次启动的访问令牌，只在本机有效；打开后令牌会从地址栏去掉，刷新页面不受影响。）');

async function shutdown() {
  server.close();
  await host.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
