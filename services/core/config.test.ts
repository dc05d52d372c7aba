import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultDataDir, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({ env: {} });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      consolePort: 7070,
      lookingglassPort: 8080,
      cometLbPort: 5050,
      cometWorkerPort: 6000,
      slowkingPort: 8091,
      taskerPort: 3005,
      varidbMasterPort: 9000,
      varidbVolumePort: 9001,
      only: null,
    });
    expect(config.dataDir).toBe(defaultDataDir({}));
  });

  it('layers file < environment < flags', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ consolePort: 1111, taskerPort: 2222, slowkingPort: 3333 }));
    const config = loadConfig({ file, env: { TASKER_PORT: '4444', SLOWKING_PORT: '5555' }, flags: { slowkingPort: '6666' } });
    expect([config.consolePort, config.taskerPort, config.slowkingPort]).toEqual([1111, 4444, 6666]);
  });

  it('names the bad setting', () => {
    expect(() => loadConfig({ env: { LOOKINGGLASS_PORT: 'eighty' } })).toThrow(/--lookingglass-port \/ LOOKINGGLASS_PORT/);
    expect(() => loadConfig({ env: {}, flags: { consolePort: 70000 } })).toThrow(ConfigError);
    expect(() => loadConfig({ env: {}, flags: { only: 'lookingglass,nope' } })).toThrow(/unknown service "nope"/);
  });

  it('refuses a non-loopback bind unless allowed', () => {
    expect(() => loadConfig({ env: {}, flags: { host: '0.0.0.0' } })).toThrow(/not a loopback address/);
    expect(loadConfig({ env: {}, flags: { host: '0.0.0.0', allowRemote: true } }).host).toBe('0.0.0.0');
  });

  it('rejects unknown keys and bad JSON in the config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    writeFileSync(join(dir, 'a.json'), '{"consolePortt": 1}');
    writeFileSync(join(dir, 'b.json'), '{nope');
    expect(() => loadConfig({ env: {}, file: join(dir, 'a.json') })).toThrow(/unknown setting\(s\) consolePortt/);
    expect(() => loadConfig({ env: {}, file: join(dir, 'b.json') })).toThrow(/not valid JSON/);
  });

  it('parses --only into service names', () => {
    expect(loadConfig({ env: { OBSERVATORY_ONLY: 'lookingglass,tasker' } }).only).toEqual(['lookingglass', 'tasker']);
  });
});
