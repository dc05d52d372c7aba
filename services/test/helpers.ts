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
