import { mkdirSync } from 'node:fs';
import { catalog } from '../catalog.ts';
import { serviceModules } from '../registry.ts';
import type { Config } from './config.ts';
import { EventBus } from './events.ts';
import { createHandlers, type AppMeta } from './handlers.ts';
import { createLogger, type Logger } from './logger.ts';
import { createRouter, type Router } from './router.ts';
import type { PlannedService, ServiceModule } from './service.ts';
import { Supervisor } from './supervisor.ts';

export interface Core {
  config: Config;
  logger: Logger;
  bus: EventBus;
  supervisor: Supervisor;
  router: Router;
  /** Stops every service; safe to call twice. */
  dispose(): Promise<void>;
}

export interface CoreOptions {
  logger?: Logger;
  modules?: readonly ServiceModule[];
  catalog?: readonly PlannedService[];
  meta?: Partial<AppMeta>;
  env?: NodeJS.ProcessEnv;
  announce?: (line: string) => void;
}

/** The composition root: one place that wires config, logging, bus, services and the router. */
export function createCore(config: Config, opts: CoreOptions = {}): Core {
  mkdirSync(config.dataDir, { recursive: true });
  const logger = opts.logger ?? createLogger({ level: config.logLevel });
  const bus = new EventBus();
  const supervisor = new Supervisor(config, bus, logger, opts.modules ?? serviceModules, opts.catalog ?? catalog, {
    env: opts.env ?? process.env,
    announce: opts.announce ?? ((line) => console.log(line)),
  });
  const meta: AppMeta = { mode: 'web', consoleUrl: null, ...opts.meta };
  const router = createRouter(createHandlers({ supervisor, config, meta }), logger, {
    checkOutput: process.env.NODE_ENV === 'test',
  });
  let disposing: Promise<void> | null = null;
  return {
    config,
    logger,
    bus,
    supervisor,
    router,
    dispose: () => (disposing ??= supervisor.stopAll()),
  };
}
