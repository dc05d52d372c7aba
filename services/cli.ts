import { randomBytes } from 'node:crypto';
import { writeFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from './core/config.ts';
import { createCore } from './core/compose.ts';
import { settingKeys, settings, type SettingKey } from './core/settings.ts';
import { startConsoleServer } from './server/console-server.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function usage(): string {
  const rows = settingKeys.map((k) => `  --${settings[k].flag.padEnd(26)} ${settings[k].env.padEnd(30)} ${settings[k].help}`);
  return [
    'usage: observatory serve [options]',
    '',
    '  option                       environment                    meaning',
    ...rows,
    '  --config FILE                OBSERVATORY_CONFIG             JSON file of settings',
  ].join('\n');
}

export function parseCli(argv: string[]): { command: string; flags: Partial<Record<SettingKey, unknown>>; file?: string } {
  const options: Record<string, { type: 'string' | 'boolean' }> = { config: { type: 'string' }, help: { type: 'boolean' } };
  for (const k of settingKeys) options[settings[k].flag] = { type: typeof settings[k].default === 'boolean' ? 'boolean' : 'string' };
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  const flags: Partial<Record<SettingKey, unknown>> = {};
  for (const k of settingKeys) {
    const v = values[settings[k].flag];
    if (v !== undefined) flags[k] = v;
  }
  const command = values.help ? 'help' : (positionals[0] ?? 'serve');
  const file = (values.config as string | undefined) ?? process.env.OBSERVATORY_CONFIG;
  return file ? { command, flags, file } : { command, flags };
}

function writePortsFile(file: string, ports: Record<string, string>): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(ports, null, 2)}\n`);
  renameSync(tmp, file);
}

/** `observatory serve`: every registered service plus the console, until SIGINT/SIGTERM. */
export async function serve(config: Config, out: (line: string) => void = console.log): Promise<() => Promise<void>> {
  const token = config.token || randomBytes(24).toString('base64url');
  const core = createCore(config, { meta: { mode: 'web' } });
  let consoleServer: Awaited<ReturnType<typeof startConsoleServer>> | null = null;
  const stop = async () => {
    await consoleServer?.close();
    await core.dispose();
  };
  try {
    await core.supervisor.startAll(config.only);
    consoleServer = await startConsoleServer(core, {
      host: config.host,
      port: config.consolePort,
      token,
      rendererDir: join(root, 'out', 'renderer'),
    });
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
  const ports: Record<string, string> = { console: consoleServer.url };
  for (const info of core.supervisor.list()) {
    if (info.state !== 'running') continue;
    Object.assign(ports, info.endpoints);
    out(`${info.title.padEnd(14)} ${info.url}`);
  }
  out(`${'Console'.padEnd(14)} ${consoleServer.openUrl}`);
  if (config.portsFile) writePortsFile(config.portsFile, ports);
  return stop;
}

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (err) {
    console.error(`observatory: ${(err as Error).message}\n\n${usage()}`);
    return 2;
  }
  if (parsed.command === 'help') {
    console.log(usage());
    return 0;
  }
  if (parsed.command !== 'serve') {
    console.error(`observatory: unknown command "${parsed.command}"\n\n${usage()}`);
    return 2;
  }
  let stop: () => Promise<void>;
  try {
    const config = loadConfig(parsed.file ? { flags: parsed.flags, file: parsed.file } : { flags: parsed.flags });
    stop = await serve(config);
  } catch (err) {
    // A bad setting, a taken port or a service that cannot start (say, its database is unreachable)
    // ends the start with one clear line; the service's log has the details.
    console.error(`observatory: ${(err as Error).message}`);
    return 1;
  }
  return new Promise<number>((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        // A second signal means "now": whatever has not stopped is left behind.
        console.error(`observatory: ${signal} again, exiting without waiting`);
        process.exit(1);
      }
      stopping = true;
      console.log(`observatory: ${signal}, stopping every service`);
      stop().then(
        () => resolve(0),
        (err: unknown) => {
          console.error(`observatory: stop failed: ${(err as Error).message}`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
