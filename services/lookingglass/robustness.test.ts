import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { pendingTask } from './storage/repository.ts';
import { openSqliteRepository } from './storage/sqlite-repository.ts';
import { eventually } from '../test/helpers.ts';
import { startLookingGlass, type LookingGlassUnderTest } from './test-harness.ts';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function forge(alg: string, payload: object, secret: string): string {
  const head = `${b64({ alg, typ: 'JWT' })}.${b64(payload)}`;
  if (alg === 'none') return `${head}.`;
  const hash = alg === 'HS256' ? 'sha256' : 'sha512';
  return `${head}.${createHmac(hash, secret).update(head).digest('base64url')}`;
}

let lg: LookingGlassUnderTest;

interface TaskView {
  state: string;
  error: string | null;
  stdout: string[];
}
/** GET /tasks/{id} as the admin, the task part of the answer. */
const readTask = async (id: string): Promise<TaskView> => ((await (await lg.call(`/tasks/${id}`)).json()) as { task: TaskView }).task;
afterEach(async () => {
  await lg?.stop();
});

describe('Looking Glass tokens', () => {
  it('accepts only HS512 tokens signed with its secret that carry exp', async () => {
    lg = await startLookingGlass('sqlite', { env: { SECRET: 's3cret' } });
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string][] = [
      [`Bearer ${forge('none', { jti: 1, iat: now, exp: now + 60 }, '')}`, 'Expected HS512 signing method but token specified none'],
      [
        `Bearer ${forge('HS256', { jti: 1, iat: now, exp: now + 60 }, 's3cret')}`,
        'Expected HS512 signing method but token specified HS256',
      ],
      [`Bearer ${forge('HS512', { jti: 1, iat: now, exp: now + 60 }, 'other')}`, 'signature is invalid'],
      [`Bearer ${forge('HS512', { jti: 1, iat: now - 100, exp: now - 10 }, 's3cret')}`, 'Token is expired'],
      // The original's published benchmark token: no exp, and signed with the old default secret.
      [
        'Bearer eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE1ODMwMTg4ODEsImp0aSI6MX0.Zwef_lwan3-En_ZhDUR0yrEmzkqNGfgho0qpCVnnyJvmmqrVSlqxEvB3rSPRUx_8DoA4eH9ZiUFvaDCkrH7rQA',
        'signature is invalid',
      ],
      ['Token abc', 'Authorization header format must be Bearer {token}'],
      ['Bearer a b', 'Authorization header format must be Bearer {token}'],
    ];
    for (const [header, message] of cases) {
      const res = await lg.call('/home', { auth: header });
      expect([res.status, await res.text()], header).toEqual([401, message]);
    }
    const good = await lg.call('/home', { auth: `Bearer ${forge('HS512', { jti: 1, iat: now, exp: now + 60 }, 's3cret')}` });
    expect(good.status).toBe(200);
    // A lowercase scheme passes (the original then crashed in its handler).
    const token = (await lg.token()).slice('Bearer '.length);
    expect((await lg.call('/home', { auth: `bearer ${token}` })).status).toBe(200);
  });

  it('keeps a generated secret in the data dir, and tags in the database, across a restart', async () => {
    lg = await startLookingGlass('sqlite');
    const token = await lg.token();
    await lg.call('/tags/kept', { method: 'PUT' });
    await lg.call('/tags/gone', { method: 'PUT' });
    await lg.call('/tags/gone', { method: 'DELETE' });
    lg = await lg.restart();
    expect((await lg.call('/home', { auth: token })).status).toBe(200);
    expect(await (await lg.call('/tags')).json()).toEqual({ tags: ['kept'] });
  });
});

describe('Looking Glass bad input', () => {
  it('refuses oversized bodies with 413 and hostile params with 400', async () => {
    lg = await startLookingGlass('sqlite');
    const big = JSON.stringify({ params: ['x'.repeat(100_000)] });
    const res = await lg.call('/plugins/execute/echo', { method: 'POST', body: big });
    expect([res.status, await res.json()]).toEqual([413, { error: 'request body too large' }]);
    await lg.call('/plugins/enable/ping', { method: 'POST' });
    for (const params of [['127.0.0.1; rm -rf /'], ['$(id)'], ['-f', '127.0.0.1'], ['../../etc/passwd'], ['']]) {
      const r = await lg.call('/plugins/execute/ping', { method: 'POST', body: JSON.stringify({ params }) });
      expect(r.status, JSON.stringify(params)).toBe(400);
      expect(((await r.json()) as { error: string }).error.length).toBeGreaterThan(0);
    }
    await lg.call('/plugins/enable/http', { method: 'POST' });
    const file = await lg.call('/plugins/execute/http', { method: 'POST', body: '{"params":["file:///etc/passwd"]}' });
    expect(file.status).toBe(400);
    expect((await lg.call('/nope')).status).toBe(404);
    const latin1 = await lg.call('/login', {
      method: 'POST',
      auth: null,
      headers: { 'Content-Type': 'application/json; charset=latin1' },
      body: '{}',
    });
    expect(latin1.status).toBe(415);
    expect(((await latin1.json()) as { error: string }).error).toMatch(/charset/);
  });
});

describe('Looking Glass tasks', () => {
  it('lists, reads and cancels tasks by id; a cancelled task reads as failed in /task/status', async () => {
    lg = await startLookingGlass('sqlite', { flags: { lookingglassTaskTimeout: 30_000 } });
    await lg.call('/plugins/enable/ping', { method: 'POST' });
    const exec = (await (await lg.call('/plugins/execute/ping', { method: 'POST', body: '{"params":["127.0.0.1","10"]}' })).json()) as {
      taskId: string;
    };
    await eventually(
      async () => (await readTask(exec.taskId)).state,
      (s) => s === 'running',
    );
    // The output so far is readable while the task runs.
    const partial = await eventually(
      () => readTask(exec.taskId),
      (t) => t.stdout.length > 0,
    );
    expect(partial.state).toBe('running');
    expect(partial.stdout[0]).toMatch(/PING 127\.0\.0\.1/);
    // The original's /task/result showed go-cmd's output so far too.
    const result = (await (await lg.call('/task/result')).json()) as { result: { Complete: boolean; Stdout: string[] } };
    expect(result.result.Complete).toBe(false);
    expect(result.result.Stdout[0]).toMatch(/PING 127\.0\.0\.1/);
    const cancel = await lg.call(`/tasks/${exec.taskId}`, { method: 'DELETE' });
    expect(cancel.status).toBe(200);
    const done = await eventually(
      () => readTask(exec.taskId),
      (t) => t.state !== 'running',
    );
    expect(done.state).toBe('cancelled');
    const status = await lg.call('/task/status');
    expect(status.status).toBe(500);
    expect(await status.json()).toMatchObject({ cmdStatus: 'failed' });
    const list = (await (await lg.call('/tasks')).json()) as { tasks: { id: string }[] };
    expect(list.tasks.map((t) => t.id)).toEqual([exec.taskId]);
    expect((await lg.call('/tasks/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await lg.call('/tasks?limit=0')).status).toBe(400);
  });

  it('times a task out, fails queued tasks of a disabled plugin, and answers 503 when the queue is full', async () => {
    lg = await startLookingGlass('sqlite', { queueLimit: 2, flags: { lookingglassConcurrency: 1, lookingglassTaskTimeout: 1500 } });
    await lg.call('/plugins/enable/ping', { method: 'POST' });
    const run = async () => lg.call('/plugins/execute/ping', { method: 'POST', body: '{"params":["127.0.0.1","10"]}' });
    const first = (await (await run()).json()) as { taskId: string };
    // Wait until the first runs, so the next two wait in the queue.
    await eventually(
      async () => (await readTask(first.taskId)).state,
      (s) => s === 'running',
    );
    const queued = [(await (await run()).json()) as { taskId: string }, (await (await run()).json()) as { taskId: string }];
    const full = await run();
    expect([full.status, await full.json()]).toEqual([503, { error: 'Worker is under heavy load. please try again later' }]);
    await lg.call('/plugins/disable/ping', { method: 'POST' });
    for (const q of queued) {
      const t = await readTask(q.taskId);
      expect(t).toMatchObject({ state: 'failed', error: 'plugin ping was disabled before the task ran' });
    }
    // The running one goes on until its timeout.
    const timedOut = await eventually(
      () => readTask(first.taskId),
      (t) => t.state !== 'running',
    );
    expect(timedOut.state).toBe('failed');
    expect(timedOut.error).toMatch(/tim/i);
  });

  it('survives a plugin that throws or hangs, and reports one that fails to load', async () => {
    const pluginsDir = join(import.meta.dirname, '..', '..', 'out', 'test-plugins', String(process.pid));
    mkdirSync(join(pluginsDir, 'thrower'), { recursive: true });
    mkdirSync(join(pluginsDir, 'broken'), { recursive: true });
    writeFileSync(
      join(pluginsDir, 'thrower', 'index.js'),
      `export const P = { name: 'thrower', description: 'throws', paramsHelp: '', on: true,
        enable() { this.on = true }, disable() { this.on = false },
        status() { return { enabled: this.on, available: true, detail: null } },
        validate(p) { return p },
        run() { throw new TypeError('boom') } };`,
    );
    writeFileSync(join(pluginsDir, 'broken', 'index.js'), `throw new Error('cannot load');`);
    lg = await startLookingGlass('sqlite', { flags: { pluginsDir } });
    const plugins = (await (await lg.call('/plugins')).json()) as {
      plugins: { name: string }[];
      failures: { name: string; error: string }[];
    };
    expect(plugins.plugins.map((p) => p.name)).toContain('thrower');
    expect(plugins.failures).toEqual([expect.objectContaining({ name: 'broken', error: expect.stringContaining('cannot load') })]);
    const exec = await lg.call('/plugins/execute/thrower', { method: 'POST', body: '{"params":[]}' });
    expect(exec.status).toBe(202);
    const task = await eventually(
      async () => (await (await lg.call('/task/status')).json()) as { cmdStatus: string; error?: string },
      (s) => s.cmdStatus === 'failed',
    );
    expect(task.error).toContain('boom');
    expect((await lg.call('/home')).status).toBe(200);
  });

  it('a graceful restart cancels and stores running tasks and keeps finished ones', async () => {
    lg = await startLookingGlass('sqlite', { flags: { lookingglassTaskTimeout: 30_000 } });
    await lg.call('/plugins/enable/echo', { method: 'POST' });
    const done = (await (await lg.call('/plugins/execute/echo', { method: 'POST', body: '{"params":["kept"]}' })).json()) as {
      taskId: string;
    };
    await eventually(
      async () => (await readTask(done.taskId)).state,
      (s) => s === 'finished',
    );
    const long = (await (await lg.call('/plugins/execute/ping', { method: 'POST', body: '{"params":["127.0.0.1","10"]}' })).json()) as {
      taskId: string;
    };
    await eventually(
      async () => (await readTask(long.taskId)).state,
      (s) => s === 'running',
    );
    lg = await lg.restart();
    const kept = await readTask(done.taskId);
    expect(kept).toMatchObject({ state: 'finished', stdout: ['kept'] });
    const stopped = await readTask(long.taskId);
    expect(stopped.state).toBe('cancelled');
  });

  it('after a crash, fails the tasks this node left running, and only those', async () => {
    lg = await startLookingGlass('sqlite');
    const userId = 1;
    const ours = '00000000-0000-4000-8000-0000000000a1';
    const theirs = '00000000-0000-4000-8000-0000000000b2';
    lg = await lg.restart(async () => {
      // What a kill -9 leaves behind: rows still marked running, one of them another node's.
      const repo = openSqliteRepository(join(lg.dataDir, 'lookingglass.sqlite'));
      const nodeId = readFileSync(join(lg.dataDir, 'node-id'), 'utf8').trim();
      const running = (id: string, node: string) => ({
        ...pendingTask({ id, userId, plugin: 'ping', params: [], createdAt: Date.now(), nodeId: node }),
        state: 'running' as const,
        pid: 1,
        startedAt: Date.now(),
      });
      await repo.insertTask(running(ours, nodeId));
      await repo.insertTask(running(theirs, 'another-node'));
      await repo.close();
    });
    expect(await readTask(ours)).toMatchObject({
      state: 'failed',
      error: 'interrupted: the service stopped while the task was pending or running',
    });
    expect(await readTask(theirs)).toMatchObject({ state: 'running' });
  });
});
