import { afterEach, describe, expect, it } from 'vitest';
import type { TaskOutput, TaskSummary } from '../contract/index.ts';
import { createCore, type Core } from '../core/compose.ts';
import { silentLogger, testConfig } from '../test/helpers.ts';
import { lookingGlassModule } from './module.ts';

const caller = { id: 'test' };
let core: Core;
let cleanup: () => void;

afterEach(async () => {
  await core.dispose();
  cleanup();
});

async function startCore() {
  const config = testConfig();
  cleanup = config.cleanup;
  core = createCore(config, {
    logger: silentLogger(),
    modules: [lookingGlassModule({ postgres: null })],
    env: { ADMIN_PASSWORD: 'pw' },
    announce: () => undefined,
  });
  await core.supervisor.start('lookingglass');
  return async <T>(channel: string, input: unknown): Promise<T> => {
    const envelope = await core.router.dispatch(channel, input, caller);
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.result as T;
  };
}

describe('Looking Glass console channels', () => {
  it('logs in, enables echo, runs it and streams its output and state as events', async () => {
    const call = await startCore();
    await expect(call('lookingglass:login', { username: 'admin', password: 'nope' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'incorrect password',
    });
    const { token } = await call<{ token: string }>('lookingglass:login', { username: 'admin', password: 'pw' });
    await expect(call('lookingglass:plugins', { token: 'Bearer forged' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    const output: TaskOutput[] = [];
    const states: string[] = [];
    core.bus.subscribe('lookingglass:taskOutput', (o) => output.push(o));
    const finished = new Promise<TaskSummary>((resolve) =>
      core.bus.subscribe('lookingglass:taskUpdated', (t) => {
        states.push(t.state);
        if (t.state === 'finished' || t.state === 'failed') resolve(t);
      }),
    );
    await expect(call('lookingglass:execute', { token, plugin: 'echo', params: ['hi'] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'plugin echo is disabled.',
    });
    expect(await call('lookingglass:setPluginEnabled', { token, name: 'echo', enabled: true })).toMatchObject({
      name: 'echo',
      enabled: true,
    });
    const task = await call<TaskSummary>('lookingglass:execute', { token, plugin: 'echo', params: ['hi'] });
    expect((await finished).id).toBe(task.id);
    expect(states).toEqual(['pending', 'running', 'finished']);
    expect(output).toEqual([expect.objectContaining({ taskId: task.id, stream: 'stdout', line: 'hi' })]);
    expect(await call('lookingglass:task', { token, id: task.id })).toMatchObject({ state: 'finished', stdout: ['hi'], exitCode: 0 });
    expect((await call<TaskSummary[]>('lookingglass:tasks', { token })).map((t) => t.id)).toEqual([task.id]);
  });

  it('edits tags and refuses bad input through the contract', async () => {
    const call = await startCore();
    const { token } = await call<{ token: string }>('lookingglass:login', { username: 'admin', password: 'pw' });
    expect(await call('lookingglass:addTag', { token, tag: 'edge-1' })).toEqual({ added: true, tags: ['edge-1'] });
    expect(await call('lookingglass:addTag', { token, tag: 'edge-1' })).toEqual({ added: false, tags: ['edge-1'] });
    await expect(call('lookingglass:addTag', { token, tag: '   ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call('lookingglass:removeTag', { token, tag: 'missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await call('lookingglass:removeTag', { token, tag: 'edge-1' })).toEqual({ removed: true, tags: [] });
    await expect(call('lookingglass:execute', { token, plugin: '../x', params: [] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('says the service is not running once it is stopped', async () => {
    const call = await startCore();
    await core.supervisor.stop('lookingglass');
    await expect(call('lookingglass:login', { username: 'admin', password: 'pw' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: 'Looking Glass is not running',
    });
  });
});
