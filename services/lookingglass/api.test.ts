import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../test/helpers.ts';
import { postgresReachable } from '../test/postgres.ts';
import { startLookingGlass, type Backend, type LookingGlassUnderTest } from './test-harness.ts';

/** The rows of the original Go test suite (main_test, plugins_test, tags_test, task_test), on both storages. */
const backends: Backend[] = ['sqlite', 'postgres'];

const waitForTask = (lg: LookingGlassUnderTest, predicate: (status: { cmdStatus: string }) => boolean) =>
  eventually(async () => (await (await lg.call('/task/status')).json()) as { cmdStatus: string }, predicate);

describe.each(backends)('Looking Glass API on %s', (backend) => {
  // PostgreSQL is the real server on 127.0.0.1:5432; without it these rows cannot run here.
  const skip = backend === 'postgres' && !postgresReachable;
  let lg: LookingGlassUnderTest;
  beforeEach(async () => {
    if (!skip) lg = await startLookingGlass(backend);
  });
  afterEach(async () => {
    if (!skip) await lg.stop();
  });

  describe.skipIf(skip)('main_test', () => {
    it('answers / and /home with 401 without a token', async () => {
      for (const path of ['/', '/home']) {
        const res = await lg.call(path, { auth: null });
        expect(res.status).toBe(401);
        expect(res.headers.get('content-type')).toMatch(/text\/plain/);
        expect(await res.text()).toBe('required authorization token not found');
      }
    });

    it('redirects / to /home and welcomes with a token', async () => {
      const root = await lg.call('/');
      expect(root.status).toBe(302);
      expect(root.headers.get('location')).toBe('/home');
      const home = await lg.call('/home');
      expect(home.status).toBe(200);
      expect(await home.json()).toEqual({ message: 'Welcome Home!' });
    });

    it('login: no body 400, unknown user 404, wrong password 401, good 200 with a Bearer token', async () => {
      const login = (body?: string) => fetch(`${lg.url}/login`, { method: 'POST', ...(body === undefined ? {} : { body }) });
      const noBody = await login();
      expect(noBody.status).toBe(400);
      expect(((await noBody.json()) as { error: string }).error).toMatch(/^failed to parse request with error/);
      const unknown = await login(JSON.stringify({ username: 'nobody', password: 'x' }));
      expect([unknown.status, await unknown.json()]).toEqual([404, { error: 'user not found' }]);
      const wrong = await login(JSON.stringify({ username: 'admin', password: 'wrong' }));
      expect([wrong.status, await wrong.json()]).toEqual([401, { error: 'incorrect password' }]);
      const good = await login(JSON.stringify({ username: 'ADMIN', password: 'testadminpassword' }));
      expect(good.status).toBe(200);
      expect(((await good.json()) as { token: string }).token).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    });
  });

  describe.skipIf(skip)('plugins_test', () => {
    it('status, enable, disable, execute while disabled, execute, status, result, bad JSON', async () => {
      expect(await (await lg.call('/plugins/status/echo')).json()).toMatchObject({ pluginStatus: 'disabled' });
      expect(await (await lg.call('/plugins/enable/echo', { method: 'POST' })).json()).toEqual({ success: true });
      expect(await (await lg.call('/plugins/status/echo')).json()).toMatchObject({ pluginStatus: 'enabled' });
      await lg.call('/plugins/disable/echo', { method: 'POST' });
      expect(await (await lg.call('/plugins/status/echo')).json()).toMatchObject({ pluginStatus: 'disabled' });

      const disabled = await lg.call('/plugins/execute/echo', { method: 'POST', body: '{"params":["Hello"]}' });
      expect([disabled.status, await disabled.json()]).toEqual([404, { error: 'plugin echo is disabled.' }]);

      await lg.call('/plugins/enable/echo', { method: 'POST' });
      const exec = await lg.call('/plugins/execute/echo', { method: 'POST', body: '{"params":["Hello"]}' });
      expect(exec.status).toBe(202);
      expect(await exec.json()).toEqual({ message: 'success', taskId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      const status = await waitForTask(lg, (s) => s.cmdStatus === 'finished' || s.cmdStatus === 'failed');
      expect(status.cmdStatus).not.toBe('failed');
      const result = await lg.call('/task/result');
      expect(result.status).toBe(200);
      expect(((await result.json()) as { result: { Stdout: string[]; Exit: number; Complete: boolean } }).result).toMatchObject({
        Stdout: ['Hello'],
        Exit: 0,
        Complete: true,
      });

      const truncated = await lg.call('/plugins/execute/echo', { method: 'POST', body: '{"params":["Hel' });
      expect(truncated.status).toBe(400);
      expect(((await truncated.json()) as { error: string }).error).toContain('failed to parse request with error');
    });

    it('lists plugins with their status and answers an unknown plugin 404 JSON', async () => {
      const list = (await (await lg.call('/plugins')).json()) as { plugins: { name: string; enabled: boolean }[] };
      expect(list.plugins.map((p) => p.name)).toEqual(expect.arrayContaining(['echo', 'ping', 'traceroute', 'dns', 'http', 'tcp']));
      for (const path of ['/plugins/status/nope', '/plugins/execute/nope']) {
        const res = await lg.call(path, {
          method: path.includes('execute') ? 'POST' : 'GET',
          body: path.includes('execute') ? '{}' : null,
        });
        expect([res.status, await res.json()]).toEqual([404, { error: 'plugin "nope" not found' }]);
      }
      expect((await lg.call('/plugins/status/..%2F..%2Fetc')).status).toBe(404);
    });
  });

  describe.skipIf(skip)('tags_test', () => {
    it('adds, lists in order, refuses empty, deletes', async () => {
      expect(await (await lg.call('/tags')).json()).toEqual({ tags: [] });
      const empty = await lg.call('/tags/%20', { method: 'PUT' });
      expect([empty.status, await empty.json()]).toEqual([400, { error: 'empty tag is not allowed' }]);
      const added = await lg.call('/tags/worker1', { method: 'PUT' });
      expect([added.status, await added.json()]).toEqual([201, { message: 'tag "worker1" added' }]);
      const again = await lg.call('/tags/worker1', { method: 'PUT' });
      expect([again.status, await again.json()]).toEqual([200, { message: 'tag "worker1" already exists' }]);
      expect((await lg.call('/tags/worker2', { method: 'PUT' })).status).toBe(201);
      expect(await (await lg.call('/tags')).json()).toEqual({ tags: ['worker1', 'worker2'] });

      const delEmpty = await lg.call('/tags/%20', { method: 'DELETE' });
      expect([delEmpty.status, await delEmpty.json()]).toEqual([400, { error: 'empty tag is not allowed' }]);
      const delMissing = await lg.call('/tags/worker3', { method: 'DELETE' });
      expect([delMissing.status, await delMissing.json()]).toEqual([404, { error: 'tag "worker3" not found' }]);
      const del = await lg.call('/tags/worker1', { method: 'DELETE' });
      expect([del.status, await del.text()]).toEqual([204, '']);
      expect(await (await lg.call('/tags')).json()).toEqual({ tags: ['worker2'] });
    });

    it('trims tags and answers the fast path and express alike', async () => {
      expect(await (await lg.call('/tags/%20spaced%20', { method: 'PUT' })).json()).toEqual({ message: 'tag "spaced" added' });
      // With a query string the request goes through express, which must answer the same way.
      const viaExpress = await lg.call('/tags/spaced?x=1', { method: 'PUT' });
      expect([viaExpress.status, await viaExpress.json()]).toEqual([200, { message: 'tag "spaced" already exists' }]);
    });
  });

  describe.skipIf(skip)('task_test', () => {
    it('status and result before any task answer 400, then follow the latest task', async () => {
      for (const path of ['/task/status', '/task/result']) {
        const res = await lg.call(path);
        expect([res.status, await res.json()]).toEqual([400, { error: 'no previous task exists' }]);
      }
      await lg.call('/plugins/enable/echo', { method: 'POST' });
      expect((await lg.call('/plugins/execute/echo', { method: 'POST', body: '{"params":[]}' })).status).toBe(202);
      const status = await waitForTask(lg, (s) => s.cmdStatus !== 'pending' && s.cmdStatus !== 'running');
      expect(status.cmdStatus).toBe('finished');
      const result = (await (await lg.call('/task/result')).json()) as { result: { Stdout: string[] } };
      expect(result.result.Stdout).toEqual(['']);
    });
  });

  describe.skipIf(skip)('task ids', () => {
    it('answers a malformed or unknown task id with 404 JSON', async () => {
      for (const id of ['-'.repeat(36), 'nope', '00000000-0000-4000-8000-000000000000']) {
        const res = await lg.call(`/tasks/${id}`);
        expect([res.status, await res.json()]).toEqual([404, { error: `task "${id}" not found` }]);
      }
    });
  });
});
