import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../core/logger.ts';
import { describePostgres, openPostgresRepository, type PostgresTarget } from './postgres-repository.ts';
import type { LookingGlassRepository } from './repository.ts';
import { openSqliteRepository } from './sqlite-repository.ts';

/** The original's variables: any of them set selects PostgreSQL (seed defaults fill the rest, host default localhost). */
const DbEnv = z.object({
  DATABASE_URL: z.string().url().optional(),
  DB_HOST: z.string().min(1).optional(),
  DB_USER: z.string().min(1).optional(),
  DB_PASSWORD: z.string().optional(),
  DB_NAME: z.string().min(1).optional(),
  DB_PORT: z.coerce.number().int().min(1).max(65535).optional(),
});

export function postgresTargetFromEnv(env: NodeJS.ProcessEnv): PostgresTarget | null {
  const parsed = DbEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid database setting ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  if (e.DATABASE_URL) return { connectionString: e.DATABASE_URL };
  if (!e.DB_HOST && !e.DB_USER && e.DB_PASSWORD === undefined && !e.DB_NAME && !e.DB_PORT) return null;
  return {
    host: e.DB_HOST ?? 'localhost',
    user: e.DB_USER ?? 'test',
    password: e.DB_PASSWORD ?? 'testpassword',
    database: e.DB_NAME ?? 'test_db',
    port: e.DB_PORT ?? 5432,
  };
}

export interface OpenOptions {
  dataDir: string;
  postgres: PostgresTarget | null;
  logger: Logger;
  /** How long to keep retrying an unreachable server before giving up. */
  waitMs?: number;
}

/** SQLite in the data dir, or PostgreSQL with bounded back-off; gives up naming the database it tried. */
export async function openRepository(opts: OpenOptions): Promise<LookingGlassRepository> {
  if (!opts.postgres) return openSqliteRepository(join(opts.dataDir, 'lookingglass.sqlite'));
  const target = opts.postgres;
  const deadline = Date.now() + (opts.waitMs ?? 30_000);
  for (let attempt = 1, delay = 500; ; attempt++, delay = Math.min(delay * 2, 5000)) {
    try {
      return await openPostgresRepository(target);
    } catch (err) {
      if (Date.now() + delay > deadline) {
        throw new Error(`cannot reach ${describePostgres(target)} after ${attempt} attempt(s): ${(err as Error).message}`, { cause: err });
      }
      opts.logger.warn({ attempt, retryInMs: delay, err: (err as Error).message }, `waiting for ${describePostgres(target)}`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
