import { EventBus } from '../core/events.ts';
import type { RunningService } from '../core/service.ts';
import { freshSchema, postgresUrl } from '../test/postgres.ts';
import { silentLogger, testConfig } from '../test/helpers.ts';
import { lookingGlassModule, type LookingGlassOptions } from './module.ts';

export type Backend = 'sqlite' | 'postgres';
export const adminPassword = 'testadminpassword';

export interface LookingGlassUnderTest {
  url: string;
  running: RunningService;
  bus: EventBus;
  announced: string[];
  dataDir: string;
  token(): Promise<string>;
  /** fetch relative to the service, with the admin token unless `auth: null`. */
  call(path: string, init?: RequestInit & { auth?: string | null }): Promise<Response>;
  stop(): Promise<void>;
  /** Starts a second instance on the same storage (a restart); `between` runs while none is up. */
  restart(between?: () => Promise<void>): Promise<LookingGlassUnderTest>;
}

/** Starts a real Looking Glass on port 0, on a temp SQLite file or a fresh PostgreSQL schema. */
export async function startLookingGlass(
  backend: Backend,
  opts: LookingGlassOptions & { env?: NodeJS.ProcessEnv; flags?: Parameters<typeof testConfig>[0] } = {},
): Promise<LookingGlassUnderTest> {
  const config = testConfig(opts.flags);
  const schema = backend === 'postgres' ? await freshSchema('lg_test') : null;
  const postgres = schema ? { connectionString: postgresUrl, schema: schema.schema } : null;
  const boot = async (): Promise<LookingGlassUnderTest> => {
    const bus = new EventBus();
    const announced: string[] = [];
    const running = await lookingGlassModule({ postgres, dbWaitMs: 2000, ...opts }).start({
      config,
      logger: silentLogger(),
      bus,
      dataDir: config.dataDir,
      env: { ADMIN_PASSWORD: adminPassword, ...opts.env },
      announce: (line) => announced.push(line),
    });
    let cached: string | null = null;
    const self: LookingGlassUnderTest = {
      url: running.url,
      running,
      bus,
      announced,
      dataDir: config.dataDir,
      async token() {
        if (cached) return cached;
        const res = await fetch(`${running.url}/login`, {
          method: 'POST',
          body: JSON.stringify({ username: 'admin', password: adminPassword }),
        });
        cached = ((await res.json()) as { token: string }).token;
        return cached;
      },
      async call(path, init = {}) {
        const { auth, ...rest } = init;
        const headers = new Headers(rest.headers);
        const value = auth === undefined ? await self.token() : auth;
        if (value !== null) headers.set('Authorization', value);
        return fetch(`${running.url}${path}`, { redirect: 'manual', ...rest, headers });
      },
      async stop() {
        await running.stop();
        await schema?.drop();
        config.cleanup();
      },
      async restart(between) {
        await running.stop();
        await between?.();
        return boot();
      },
    };
    return self;
  };
  return boot();
}
