import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventually, testConfig } from './test/helpers.ts';

const bin = join(import.meta.dirname, '..', 'bin', 'observatory.js');

function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [bin, 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, OBSERVATORY_LOG_LEVEL: 'warn', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('observatory serve', () => {
  it('writes the ports file, prints the console URL with its token and exits 0 on SIGTERM within 5 s', async () => {
    const config = testConfig();
    const portsFile = join(config.dataDir, 'ports.json');
    const run = runCli(['--port', '0', '--lookingglass-port', '0', '--data-dir', config.dataDir, '--ports-file', portsFile]);
    await eventually(() => existsSync(portsFile));
    const ports = JSON.parse(readFileSync(portsFile, 'utf8')) as Record<string, string>;
    expect(ports.console).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(run.out()).toContain(`${ports.console}/#token=`);
    const started = Date.now();
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    config.cleanup();
  });

  it('exits non-zero naming the port and the setting when the port is taken', async () => {
    const config = testConfig();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const run = runCli(['--port', String(port), '--data-dir', config.dataDir]);
    expect(await run.exited).toBe(1);
    expect(run.err()).toContain(`port ${port} is already in use; change it with --port / OBSERVATORY_PORT`);
    blocker.close();
    config.cleanup();
  });

  it('exits 1 naming a bad setting, 2 on an unknown flag', async () => {
    const bad = runCli(['--tasker-port', 'abc']);
    expect(await bad.exited).toBe(1);
    expect(bad.err()).toContain('--tasker-port / TASKER_PORT');
    const unknown = runCli(['--no-such-flag']);
    expect(await unknown.exited).toBe(2);
  });
});

describe('observatory serve with an unreachable database', () => {
  it('retries for the bounded time, then exits 1 naming the database it tried', async () => {
    const config = testConfig();
    const blocker = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const run = runCli(['--port', '0', '--lookingglass-port', '0', '--data-dir', config.dataDir, '--lookingglass-db-wait', '1500'], {
      DB_HOST: '127.0.0.1',
      DB_PORT: String(port),
    });
    expect(await run.exited).toBe(1);
    expect(run.err()).toMatch(
      new RegExp(`observatory: cannot reach PostgreSQL test_db at 127\\.0\\.0\\.1:${port} as test after \\d+ attempt\\(s\\)`),
    );
    blocker.close();
    config.cleanup();
  });
});
