import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const root = join(import.meta.dirname, '..');

/** Starts `observatory serve` on free ports with a temp data dir; tests read E2E_CONSOLE_URL / E2E_TOKEN / E2E_PORTS. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) throw new Error('the renderer is not built: run `npm run build` first');
  const dataDir = mkdtempSync(join(tmpdir(), 'observatory-e2e-'));
  const portsFile = join(dataDir, 'ports.json');
  const token = randomBytes(16).toString('hex');
  const adminPassword = randomBytes(12).toString('base64url');
  const child = spawn(
    process.execPath,
    [
      join(root, 'bin', 'observatory.js'),
      'serve',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--ports-file',
      portsFile,
      '--token',
      token,
      ...['lookingglass', 'comet-lb', 'comet-worker', 'slowking', 'tasker', 'varidb-master', 'varidb-volume'].flatMap((s) => [
        `--${s}-port`,
        '0',
      ]),
    ],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, OBSERVATORY_LOG_LEVEL: 'warn', ADMIN_PASSWORD: adminPassword } },
  );
  const exited = once(child, 'exit');
  const deadline = Date.now() + 30_000;
  while (!existsSync(portsFile)) {
    if (child.exitCode !== null) throw new Error(`observatory serve exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('observatory serve did not write its ports file in 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const ports = JSON.parse(readFileSync(portsFile, 'utf8')) as Record<string, string>;
  process.env.E2E_CONSOLE_URL = ports.console;
  process.env.E2E_TOKEN = token;
  process.env.E2E_ADMIN_PASSWORD = adminPassword;
  process.env.E2E_PORTS = JSON.stringify(ports);
  return async () => {
    child.kill('SIGTERM');
    const [code] = await exited;
    rmSync(dataDir, { recursive: true, force: true });
    if (code !== 0) throw new Error(`observatory serve exited with ${code} on SIGTERM`);
  };
}
