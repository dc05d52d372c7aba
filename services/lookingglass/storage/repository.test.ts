import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshSchema, postgresReachable, postgresUrl } from '../../test/postgres.ts';
import { testConfig } from '../../test/helpers.ts';
import { openPostgresRepository } from './postgres-repository.ts';
import { pendingTask, type LookingGlassRepository, type TaskRecord } from './repository.ts';
import { openSqliteRepository } from './sqlite-repository.ts';

const task = (id: string, nodeId: string, state: TaskRecord['state']): TaskRecord => ({
  ...pendingTask({ id, userId: 1, plugin: 'echo', params: [], createdAt: Date.now(), nodeId }),
  state,
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function open(backend: 'sqlite' | 'postgres'): Promise<LookingGlassRepository> {
  if (backend === 'sqlite') {
    const config = testConfig();
    const repo = openSqliteRepository(join(config.dataDir, 'lg.sqlite'));
    cleanups.push(config.cleanup, () => repo.close());
    return repo;
  }
  const schema = await freshSchema('lg_repo');
  const repo = await openPostgresRepository({ connectionString: postgresUrl, schema: schema.schema });
  cleanups.push(
    () => schema.drop(),
    () => repo.close(),
  );
  return repo;
}

describe.each(['sqlite', 'postgres'] as const)('Looking Glass repository on %s', (backend) => {
  // PostgreSQL is the real server on 127.0.0.1:5432.
  const skip = backend === 'postgres' && !postgresReachable;

  it.skipIf(skip)('fails only its own node’s unfinished tasks', async () => {
    const repo = await open(backend);
    const ids = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-00000000000c'];
    await repo.insertTask(task(ids[0] ?? '', 'node-a', 'running'));
    await repo.insertTask(task(ids[1] ?? '', 'node-b', 'running'));
    await repo.insertTask(task(ids[2] ?? '', 'node-a', 'finished'));
    expect(await repo.failUnfinishedTasks('node-a', 'interrupted', 5)).toBe(1);
    expect((await repo.getTask(ids[0] ?? ''))?.state).toBe('failed');
    expect((await repo.getTask(ids[1] ?? ''))?.state).toBe('running');
    expect((await repo.getTask(ids[2] ?? ''))?.state).toBe('finished');
  });

  it.skipIf(skip)('answers a malformed task id with null, not an error', async () => {
    const repo = await open(backend);
    expect(await repo.getTask('-'.repeat(36))).toBeNull();
    expect(await repo.getTask('nope')).toBeNull();
  });
});

describe('SQLite repository', () => {
  it('refuses a second process (or opener) on the same file while the first holds it', async () => {
    const config = testConfig();
    const file = join(config.dataDir, 'lg.sqlite');
    const first = openSqliteRepository(file);
    expect(() => openSqliteRepository(file)).toThrow(/is in use by another process/);
    await first.close();
    const again = openSqliteRepository(file);
    await again.close();
    config.cleanup();
  });
});
