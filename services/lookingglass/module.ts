import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { persistedValue } from '../core/persisted-value.ts';
import type { ServiceModule } from '../core/service.ts';
import { createTokenService, hashPassword, loadSecret } from './auth.ts';
import { serveLookingGlass } from './http/serve.ts';
import { createLookingGlass } from './looking-glass.ts';
import { PluginCatalog } from './plugin-catalog.ts';
import { openRepository, postgresTargetFromEnv } from './storage/open.ts';
import type { PostgresTarget } from './storage/postgres-repository.ts';
import { TaskRunner } from './tasks.ts';

export const builtinPluginsDir = join(import.meta.dirname, '..', '..', 'plugins');

export interface LookingGlassOptions {
  /** Overrides the DB_* / DATABASE_URL choice (tests point it at a fresh schema). */
  postgres?: PostgresTarget | null;
  dbWaitMs?: number;
  tokenTtlSeconds?: number;
  queueLimit?: number;
  maxOutputBytes?: number;
}

/** Looking Glass as a console service: storage, plugins, task runner and the HTTP API on its port. */
export function lookingGlassModule(opts: LookingGlassOptions = {}): ServiceModule {
  return {
    name: 'lookingglass',
    title: 'Looking Glass',
    description: 'Plugin worker: network diagnostics as async tasks, JWT login, tags',
    async start(ctx) {
      const { config, logger, bus, env } = ctx;
      const repo = await openRepository({
        dataDir: ctx.dataDir,
        postgres: opts.postgres !== undefined ? opts.postgres : postgresTargetFromEnv(env),
        logger,
        waitMs: opts.dbWaitMs ?? config.lookingglassDbWait,
      });
      try {
        // This node's identity outlives its processes; other nodes sharing a database keep their tasks.
        const nodeId = persistedValue(join(ctx.dataDir, 'node-id'), () => randomUUID());
        const interrupted = await repo.failUnfinishedTasks(
          nodeId,
          'interrupted: the service stopped while the task was pending or running',
          Date.now(),
        );
        if (interrupted > 0) logger.warn({ interrupted }, 'failed tasks left unfinished by the previous run');
        if ((await repo.countUsers()) === 0) {
          const password = env.ADMIN_PASSWORD || randomBytes(12).toString('base64url');
          await repo.createUser('admin', await hashPassword(password));
          if (!env.ADMIN_PASSWORD) ctx.announce(`Looking Glass: created user "admin" with password ${password} (shown once)`);
        }
        const plugins = new PluginCatalog(builtinPluginsDir, config.pluginsDir || null);
        await plugins.scan();
        for (const failure of plugins.view().failures) logger.warn(failure, 'plugin skipped');
        const secret = loadSecret(ctx.dataDir, env.SECRET);
        const tokenTtlSeconds = opts.tokenTtlSeconds ?? 24 * 3600;
        const tokens = createTokenService(secret, tokenTtlSeconds);
        const tasks = new TaskRunner(repo, bus, logger, nodeId, {
          concurrency: config.lookingglassConcurrency,
          queueLimit: opts.queueLimit ?? 100,
          timeoutMs: config.lookingglassTaskTimeout,
          maxOutputBytes: opts.maxOutputBytes ?? 256 * 1024,
        });
        const lg = createLookingGlass({ repo, tokens, plugins, tasks, bus, logger });
        const serving = await serveLookingGlass(lg, {
          host: config.host,
          port: config.lookingglassPort,
          workers: config.lookingglassWorkers,
          secret,
          tokenTtlSeconds,
          repo,
          logger,
        });
        logger.info(
          { storage: repo.describe, plugins: plugins.view().plugins.length, workers: config.lookingglassWorkers },
          'Looking Glass ready',
        );
        return {
          url: serving.url,
          endpoints: { lookingglass: serving.url },
          api: lg,
          async stop() {
            await serving.close();
            await tasks.close();
            await repo.close();
          },
        };
      } catch (err) {
        await repo.close();
        throw err;
      }
    },
  };
}
