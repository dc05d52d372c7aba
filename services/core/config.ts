import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ServiceName } from '../contract/index.ts';
import { describeSetting, settingKeys, settings, type SettingKey } from './settings.ts';

type Values = {
  [K in SettingKey]: (typeof settings)[K]['default'] extends number
    ? number
    : (typeof settings)[K]['default'] extends boolean
      ? boolean
      : string;
};

export interface Config extends Omit<Values, 'only' | 'dataDir'> {
  dataDir: string;
  only: ServiceName[] | null;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);
export const isLoopbackHost = (host: string): boolean => loopbackHosts.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Observatory');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Observatory');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'observatory');
}

export interface ConfigSources {
  /** Parsed CLI flags, keyed by setting key. */
  flags?: Partial<Record<SettingKey, unknown>>;
  env?: NodeJS.ProcessEnv;
  /** Optional JSON file whose keys are setting keys. */
  file?: string;
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`config file ${file} cannot be read: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`config file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError(`config file ${file} must hold a JSON object`);
  }
  const unknownKeys = Object.keys(data).filter((k) => !settingKeys.includes(k as SettingKey));
  if (unknownKeys.length > 0) throw new ConfigError(`config file ${file}: unknown setting(s) ${unknownKeys.join(', ')}`);
  return data as Record<string, unknown>;
}

/** Defaults < config file < environment < flags; every value validated, the first bad one named. */
export function loadConfig(sources: ConfigSources = {}): Config {
  const env = sources.env ?? process.env;
  const fromFile = sources.file ? readConfigFile(sources.file) : {};
  const values: Record<string, unknown> = {};
  for (const key of settingKeys) {
    const s = settings[key];
    const raw = sources.flags?.[key] ?? env[s.env] ?? fromFile[key] ?? s.default;
    const parsed = s.schema.safeParse(raw);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'invalid';
      throw new ConfigError(`invalid setting ${describeSetting(key)}: ${JSON.stringify(raw)} (${reason})`);
    }
    values[key] = parsed.data;
  }
  const host = values.host as string;
  if (!isLoopbackHost(host) && values.allowRemote !== true) {
    throw new ConfigError(
      `invalid setting ${describeSetting('host')}: ${host} is not a loopback address; pass ${describeSetting('allowRemote')} to bind it anyway`,
    );
  }
  const onlyRaw = (values.only as string).split(',').filter(Boolean);
  const badName = onlyRaw.find((n) => !ServiceName.safeParse(n).success);
  if (badName) {
    throw new ConfigError(
      `invalid setting ${describeSetting('only')}: unknown service "${badName}" (known: ${ServiceName.options.join(', ')})`,
    );
  }
  return {
    ...(values as Values),
    dataDir: (values.dataDir as string) || defaultDataDir(env),
    only: onlyRaw.length > 0 ? (onlyRaw as ServiceName[]) : null,
  };
}
