import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceInfo, ServiceName } from '../contract/index.ts';
import type { Config } from './config.ts';
import { AppError } from './errors.ts';
import type { EventBus } from './events.ts';
import { serviceLogger, type Logger } from './logger.ts';
import type { PlannedService, RunningService, ServiceModule } from './service.ts';

interface Entry {
  module: ServiceModule | null;
  planned: PlannedService;
  info: ServiceInfo;
  running: RunningService | null;
  /** The start or stop under way, so concurrent calls wait for it instead of racing. */
  transition: Promise<void> | null;
}

/** Starts, stops and reports every service; each change is pushed on the bus. */
export class Supervisor {
  private readonly entries = new Map<ServiceName, Entry>();
  private readonly config: Config;
  private readonly bus: EventBus;
  private readonly logger: Logger;
  private readonly env: NodeJS.ProcessEnv;
  private readonly announce: (line: string) => void;

  constructor(
    config: Config,
    bus: EventBus,
    logger: Logger,
    modules: readonly ServiceModule[],
    planned: readonly PlannedService[],
    host: { env: NodeJS.ProcessEnv; announce: (line: string) => void },
  ) {
    this.env = host.env;
    this.announce = host.announce;
    this.config = config;
    this.bus = bus;
    this.logger = logger;
    for (const p of planned) {
      const module = modules.find((m) => m.name === p.name) ?? null;
      const describe = module ?? p;
      this.entries.set(p.name, {
        module,
        planned: p,
        running: null,
        transition: null,
        info: {
          name: p.name,
          title: describe.title,
          description: describe.description,
          built: module !== null,
          state: module ? 'stopped' : 'unavailable',
          url: null,
          endpoints: {},
          startedAt: null,
          error: null,
        },
      });
    }
  }

  list(): ServiceInfo[] {
    return [...this.entries.values()].map((e) => ({ ...e.info }));
  }

  /** The running service's domain object, or null while it is not running. */
  api(name: ServiceName): unknown {
    return this.entry(name).running?.api ?? null;
  }

  get(name: ServiceName): ServiceInfo {
    return { ...this.entry(name).info };
  }

  async start(name: ServiceName): Promise<ServiceInfo> {
    const entry = this.entry(name);
    const module = entry.module;
    if (!module) throw new AppError('UNAVAILABLE', `${entry.info.title} is not built yet`);
    // Wait out any start or stop, then check and claim in the same tick (no await in between).
    while (entry.transition) await entry.transition.catch(() => undefined);
    if (entry.running) return this.get(name);
    entry.transition = (async () => {
      this.update(entry, { state: 'starting', error: null });
      const logger = serviceLogger(this.logger, name);
      try {
        const dataDir = join(this.config.dataDir, name);
        mkdirSync(dataDir, { recursive: true });
        entry.running = await module.start({ config: this.config, bus: this.bus, logger, dataDir, env: this.env, announce: this.announce });
        this.update(entry, {
          state: 'running',
          url: entry.running.url,
          endpoints: entry.running.endpoints,
          startedAt: Date.now(),
        });
        logger.info({ url: entry.running.url }, 'started');
      } catch (err) {
        this.update(entry, { state: 'failed', error: (err as Error).message });
        logger.error({ err }, 'failed to start');
        throw err;
      }
    })().finally(() => {
      entry.transition = null;
    });
    await entry.transition;
    return this.get(name);
  }

  async stop(name: ServiceName): Promise<ServiceInfo> {
    const entry = this.entry(name);
    while (entry.transition) await entry.transition.catch(() => undefined);
    const running = entry.running;
    if (!running) return this.get(name);
    entry.transition = (async () => {
      this.update(entry, { state: 'stopping' });
      try {
        await running.stop();
        this.update(entry, { state: 'stopped', url: null, endpoints: {}, startedAt: null });
      } catch (err) {
        this.update(entry, { state: 'failed', error: (err as Error).message });
        throw err;
      } finally {
        entry.running = null;
      }
    })().finally(() => {
      entry.transition = null;
    });
    await entry.transition;
    return this.get(name);
  }

  /** Starts the built services (all, or `only`), in registry order; the first failure stops the rest. */
  async startAll(only: readonly ServiceName[] | null): Promise<void> {
    for (const entry of this.entries.values()) {
      if (!entry.module) continue;
      if (only && !only.includes(entry.info.name)) continue;
      await this.start(entry.info.name);
    }
  }

  /** Stops every running service in reverse order; reports failures but stops the others. */
  async stopAll(): Promise<void> {
    const errors: unknown[] = [];
    for (const name of [...this.entries.keys()].reverse()) {
      await this.stop(name).catch((err: unknown) => errors.push(err));
    }
    if (errors.length > 0) throw new AggregateError(errors, 'some services failed to stop');
  }

  private entry(name: ServiceName): Entry {
    const entry = this.entries.get(name);
    if (!entry) throw new AppError('NOT_FOUND', `unknown service "${name}"`);
    return entry;
  }

  private update(entry: Entry, patch: Partial<ServiceInfo>): void {
    entry.info = { ...entry.info, ...patch };
    this.bus.emit('services:stateChanged', { ...entry.info });
  }
}
