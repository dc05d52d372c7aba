import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlugins } from '../../plugins/loader.ts';
import type { Runner } from '../../plugins/runner.ts';
import { EventBus } from '../core/events.ts';
import { eventually, silentLogger, testConfig } from '../test/helpers.ts';
import { builtinPluginsDir } from './module.ts';
import type { LookingGlassRepository, TaskPatch } from './storage/repository.ts';
import { openSqliteRepository } from './storage/sqlite-repository.ts';
import { TaskRunner } from './tasks.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** The real SQLite repository, with task writes slowed down (like a server database) or failing on demand. */
async function setup(opts: { writeDelayMs?: number; failRunningWrite?: boolean }) {
  const config = testConfig();
  const real = openSqliteRepository(join(config.dataDir, 'lg.sqlite'));
  let failNext = opts.failRunningWrite ?? false;
  const repo: LookingGlassRepository = {
    ...real,
    hasTagCached: real.hasTagCached,
    async updateTask(id: string, patch: TaskPatch) {
      await new Promise((r) => setTimeout(r, opts.writeDelayMs ?? 0));
      if (failNext && patch.state === 'running') {
        failNext = false;
        throw new Error('connection lost');
      }
      return real.updateTask(id, patch);
    },
  };
  const { plugins, failures } = await loadPlugins({ builtinDir: builtinPluginsDir, instance: randomUUID() });
  if (failures.length) throw new Error(JSON.stringify(failures));
  const plugin = (name: string): Runner => {
    const p = plugins.get(name);
    if (!p) throw new Error(`no plugin ${name}`);
    p.enable();
    return p;
  };
  const runner = new TaskRunner(repo, new EventBus(), silentLogger(), 'node-test', {
    concurrency: 1,
    queueLimit: 100,
    timeoutMs: 20_000,
    maxOutputBytes: 65_536,
  });
  cleanups.push(
    config.cleanup,
    () => real.close(),
    () => runner.close(),
  );
  return { runner, repo: real, plugin };
}

describe('TaskRunner', () => {
  it('disabling a plugin fails exactly its queued tasks, even while the queue moves on', async () => {
    const { runner, repo, plugin } = await setup({ writeDelayMs: 20 });
    const echo = plugin('echo');
    const ping = plugin('ping');
    const first = await runner.submit(1, echo, ['first']);
    const pings = [];
    for (let i = 0; i < 7; i++) pings.push(await runner.submit(1, ping, ['127.0.0.1', '1']));
    const others = [await runner.submit(2, echo, ['d']), await runner.submit(2, echo, ['e'])];
    const failed = await runner.failQueuedOf('ping');
    await eventually(() => runner.active === 0 && runner.queued === 0);
    const states = async (ids: string[]) => Promise.all(ids.map(async (id) => (await repo.getTask(id))?.state));
    expect(await states([first.id, ...others.map((t) => t.id)])).toEqual(['finished', 'finished', 'finished']);
    const pingStates = await states(pings.map((t) => t.id));
    // Some pings may have started before the disable; the rest failed; none is left pending.
    expect(pingStates.filter((s) => s === 'failed').length).toBe(failed);
    expect(pingStates.every((s) => s === 'failed' || s === 'finished')).toBe(true);
  });

  it('follows a run to its end when storing its start fails: the slot, cancel and final state still work', async () => {
    const { runner, repo, plugin } = await setup({ failRunningWrite: true });
    const task = await runner.submit(1, plugin('ping'), ['127.0.0.1', '10']);
    await eventually(() => runner.live(task.id)?.state === 'running');
    expect(runner.active).toBe(1);
    expect(await runner.cancel(task.id)).toBe(true);
    await eventually(() => runner.active === 0);
    expect(await repo.getTask(task.id)).toMatchObject({ state: 'cancelled' });
  });
});
