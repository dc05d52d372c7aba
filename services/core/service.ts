import type { ServiceInfo, ServiceName, ServiceState } from '../contract/index.ts';
import type { Config } from './config.ts';
import type { EventBus } from './events.ts';
import type { Logger } from './logger.ts';

/** What a running service reports: its main URL and every listening address (ports-file keys). */
export interface ServiceEndpoints {
  url: string;
  endpoints: Record<string, string>;
}

/** A started service; `stop` closes it and loses nothing it acknowledged. */
export interface RunningService extends ServiceEndpoints {
  stop(): Promise<void>;
  /** The service's domain object, for its console handlers. */
  api?: unknown;
}

export interface ServiceContext {
  config: Config;
  logger: Logger;
  bus: EventBus;
  /** The service's own folder inside the data dir (created before start). */
  dataDir: string;
  /** Process environment the service may read its own variables from (DB_*, SECRET, …). */
  env: NodeJS.ProcessEnv;
  /** Prints a line for the person at the console (stdout), never to the log: for one-time notices. */
  announce(line: string): void;
}

/** The one small interface every service registers through (see services/registry.ts). */
export interface ServiceModule {
  name: ServiceName;
  title: string;
  description: string;
  start(ctx: ServiceContext): Promise<RunningService>;
}

/** A service that is only planned: listed so the console can say so plainly. */
export interface PlannedService {
  name: ServiceName;
  title: string;
  description: string;
}

export type { ServiceInfo, ServiceState };
