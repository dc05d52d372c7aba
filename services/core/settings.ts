import { z } from 'zod';

/**
 * Every setting the console reads, declared once: its CLI flag, its environment variable, its
 * default and its schema. The config loader, the CLI help and the README table all come from here.
 */
const port = z.coerce.number().int().min(0).max(65535);

export const settings = {
  host: { flag: 'host', env: 'OBSERVATORY_HOST', default: '127.0.0.1', schema: z.string().min(1), help: 'address every server binds to' },
  allowRemote: {
    flag: 'allow-remote',
    env: 'OBSERVATORY_ALLOW_REMOTE',
    default: false,
    schema: z.stringbool().or(z.boolean()),
    help: 'permit a non-loopback --host',
  },
  consolePort: { flag: 'port', env: 'OBSERVATORY_PORT', default: 7070, schema: port, help: 'console (UI, /rpc, /events)' },
  lookingglassPort: { flag: 'lookingglass-port', env: 'LOOKINGGLASS_PORT', default: 8080, schema: port, help: 'Looking Glass HTTP API' },
  cometLbPort: { flag: 'comet-lb-port', env: 'COMET_LB_PORT', default: 5050, schema: port, help: 'Comet load balancer' },
  cometWorkerPort: {
    flag: 'comet-worker-port',
    env: 'COMET_WORKER_PORT',
    default: 6000,
    schema: port,
    help: 'first Comet worker (the next ones count up)',
  },
  slowkingPort: { flag: 'slowking-port', env: 'SLOWKING_PORT', default: 8091, schema: port, help: 'slowking HTTP API' },
  taskerPort: { flag: 'tasker-port', env: 'TASKER_PORT', default: 3005, schema: port, help: 'Tasker gateway' },
  varidbMasterPort: { flag: 'varidb-master-port', env: 'VARIDB_MASTER_PORT', default: 9000, schema: port, help: 'VariDB master' },
  varidbVolumePort: {
    flag: 'varidb-volume-port',
    env: 'VARIDB_VOLUME_PORT',
    default: 9001,
    schema: port,
    help: 'first VariDB volume (the next ones count up)',
  },
  pluginsDir: {
    flag: 'plugins-dir',
    env: 'LOOKINGGLASS_PLUGINS_DIR',
    default: '',
    schema: z.string(),
    help: 'extra Looking Glass plugin folder, scanned at start and on rescan',
  },
  lookingglassConcurrency: {
    flag: 'lookingglass-concurrency',
    env: 'LOOKINGGLASS_CONCURRENCY',
    default: 10,
    schema: z.coerce.number().int().min(1).max(100),
    help: 'Looking Glass tasks run at once',
  },
  lookingglassTaskTimeout: {
    flag: 'lookingglass-task-timeout',
    env: 'LOOKINGGLASS_TASK_TIMEOUT_MS',
    default: 60_000,
    schema: z.coerce.number().int().min(100).max(3_600_000),
    help: 'Looking Glass per-task timeout (ms)',
  },
  lookingglassWorkers: {
    flag: 'lookingglass-workers',
    env: 'LOOKINGGLASS_WORKERS',
    default: 1,
    schema: z.coerce.number().int().min(1).max(16),
    help: 'Looking Glass processes sharing its port (1: this process only; the others answer the hot path)',
  },
  lookingglassDbWait: {
    flag: 'lookingglass-db-wait',
    env: 'LOOKINGGLASS_DB_WAIT_MS',
    default: 30_000,
    schema: z.coerce.number().int().min(0).max(600_000),
    help: 'how long Looking Glass retries an unreachable PostgreSQL before giving up (ms)',
  },
  dataDir: {
    flag: 'data-dir',
    env: 'OBSERVATORY_DATA_DIR',
    default: '',
    schema: z.string(),
    help: "data folder (default: the OS's app-data folder)",
  },
  portsFile: {
    flag: 'ports-file',
    env: 'OBSERVATORY_PORTS_FILE',
    default: '',
    schema: z.string(),
    help: 'write a JSON map of base URLs here once all listen',
  },
  only: {
    flag: 'only',
    env: 'OBSERVATORY_ONLY',
    default: '',
    schema: z.string().regex(/^[a-z0-9,-]*$/, 'a comma-separated list of service names'),
    help: 'start only these services (comma-separated)',
  },
  logLevel: {
    flag: 'log-level',
    env: 'OBSERVATORY_LOG_LEVEL',
    default: 'info',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    help: 'log level',
  },
  token: {
    flag: 'token',
    env: 'OBSERVATORY_TOKEN',
    default: '',
    schema: z.string().regex(/^[A-Za-z0-9_-]*$/, 'letters, digits, _ and - only'),
    help: 'console access token (default: random per launch)',
  },
} as const;

export type SettingKey = keyof typeof settings;
export const settingKeys = Object.keys(settings) as SettingKey[];

/** "--port / OBSERVATORY_PORT": how a message tells the user which setting to change. */
export function describeSetting(key: SettingKey): string {
  const s = settings[key];
  return `--${s.flag} / ${s.env}`;
}
