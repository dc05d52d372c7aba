import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../core/config.ts';
import { createLogger } from '../core/logger.ts';
import type { SettingKey } from '../core/settings.ts';

/** A config on a fresh temp data dir with every port 0; `cleanup` removes the folder. */
export function testConfig(flags: Partial<Record<SettingKey, unknown>> = {}): Config & { cleanup(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'observatory-test-'));
  const ports = Object.fromEntries(
    (
      [
        'consolePort',
        'lookingglassPort',
        'cometLbPort',
        'cometWorkerPort',
        'slowkingPort',
        'taskerPort',
        'varidbMasterPort',
        'varidbVolumePort',
      ] as const
    ).map((k) => [k, 0]),
  );
  const config = loadConfig({ flags: { dataDir, logLevel: 'silent', ...ports, ...flags }, env: {} });
  return { ...config, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

export const silentLogger = () => createLogger({ level: 'silent' });

/** Reads until the value passes `ok` (by default: is truthy), polling every 20 ms; fails after `ms` with the last value. */
export async function eventually<T>(read: () => T | Promise<T>, ok: (value: T) => boolean = Boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in ${ms} ms; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
