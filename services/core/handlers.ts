import { readFileSync } from 'node:fs';
import { serviceHandlers } from '../registry.ts';
import type { Config } from './config.ts';
import type { Handlers } from './router.ts';
import type { Supervisor } from './supervisor.ts';

export interface AppMeta {
  mode: 'electron' | 'web';
  /** Filled in by the web server once it listens. */
  consoleUrl: string | null;
}

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The console's own request handlers plus every service's (services/registry.ts); together exactly the contract. */
export function createHandlers(deps: { supervisor: Supervisor; config: Config; meta: AppMeta }): Handlers {
  const { supervisor, config, meta } = deps;
  return {
    'app:info': () => ({
      version,
      node: process.versions.node,
      mode: meta.mode,
      dataDir: config.dataDir,
      consoleUrl: meta.consoleUrl,
    }),
    'services:list': () => supervisor.list(),
    'services:start': ({ name }) => supervisor.start(name),
    'services:stop': ({ name }) => supervisor.stop(name),
    ...serviceHandlers(supervisor),
  };
}
