import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../test/helpers.ts';
import { startLookingGlass, type LookingGlassUnderTest } from '../test-harness.ts';

let lg: LookingGlassUnderTest;
afterEach(async () => {
  await lg?.stop();
});

/** One request on a fresh connection, so the kernel may hand it to any of the processes. */
function fresh(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${lg.url}${path}`, { method, headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** This test process's Looking Glass worker processes. */
function workerPids(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes('worker-main.ts'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** CPU time (clock ticks) a process has used: it shows whether a worker really served requests. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]);
}

describe('Looking Glass with worker processes', () => {
  it('answers every route alike from any process, and a removed tag is never reported as existing', async () => {
    lg = await startLookingGlass('sqlite', { flags: { lookingglassWorkers: 2 } });
    expect(workerPids()).toHaveLength(1);
    const auth = { Authorization: await lg.token() };
    for (let i = 0; i < 20; i++) {
      expect((await fresh('GET', '/', auth)).status).toBe(302);
      expect(await fresh('PUT', '/tags/edge', auth)).toEqual({ status: 201, body: '{"message":"tag \\"edge\\" added"}' });
      expect(await fresh('PUT', '/tags/edge', auth)).toEqual({ status: 200, body: '{"message":"tag \\"edge\\" already exists"}' });
      expect((await fresh('DELETE', '/tags/edge', auth)).status).toBe(204);
    }
    expect((await fresh('GET', '/')).status).toBe(401);
    // The worker takes its share of connections: it spends CPU answering them.
    const [worker] = workerPids();
    const before = cpuTicks(worker ?? 0);
    for (let i = 0; i < 300; i++) await fresh('GET', '/', auth);
    expect(cpuTicks(worker ?? 0)).toBeGreaterThan(before);
    // Routes the worker passes on, with a body.
    await fresh('POST', '/plugins/enable/echo', auth);
    for (let i = 0; i < 6; i++) {
      const exec = await fresh('POST', '/plugins/execute/echo', auth, JSON.stringify({ params: [`n${i}`] }));
      expect(exec.status).toBe(202);
    }
    const login = await fresh('POST', '/login', {}, JSON.stringify({ username: 'admin', password: 'testadminpassword' }));
    expect(login.status).toBe(200);
    expect((await fresh('POST', '/login', {}, '{"username":')).status).toBe(400);
  });

  it('restarts a worker that dies, and stops every worker with the service', async () => {
    lg = await startLookingGlass('sqlite', { flags: { lookingglassWorkers: 2 } });
    const [first] = workerPids();
    expect(first).toBeGreaterThan(0);
    process.kill(first ?? 0, 'SIGKILL');
    await eventually(() => workerPids().some((pid) => pid !== first));
    const auth = { Authorization: await lg.token() };
    for (let i = 0; i < 10; i++) expect((await fresh('GET', '/', auth)).status).toBe(302);
    await lg.running.stop();
    expect(workerPids()).toEqual([]);
  });
});
