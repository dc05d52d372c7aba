import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlugins } from './loader.ts';
import { PluginDisabledError, PluginParamError } from './runner.ts';
import { OPTS } from './testing.ts';

const BUILTIN_DIR = path.dirname(fileURLToPath(import.meta.url));

/** A self-contained plugin (a user plugin cannot import ours), as JS or TS source. */
function pluginSource(name: string, description: string, extra = ''): string {
  return `
let enabled = false;
${extra}
export const P = {
  name: ${JSON.stringify(name)},
  description: ${JSON.stringify(description)},
  paramsHelp: '[word]',
  enable() { enabled = true; },
  disable() { enabled = false; },
  status() { return { enabled, available: true, detail: null }; },
  validate(params) {
    if (params.some((p) => p.startsWith('-'))) {
      const err = new Error('no options please');
      err.name = 'PluginParamError';
      throw err;
    }
    return params;
  },
  run(params, opts) {
    if (!enabled) { const err = new Error('plugin ${name} is disabled'); err.name = 'PluginDisabledError'; throw err; }
    const command = [${JSON.stringify(name)}, ...params];
    return { command, pid: null, onOutput: () => () => {}, cancel() {},
      result: params[0] === 'reject' ? Promise.reject(new Error('kaboom')) : Promise.resolve({ command, exitCode: 0, signal: null, error: null,
        stdout: params, stderr: [], truncated: false, timedOut: false, cancelled: false, startedAt: 0, stoppedAt: 0 }) };
  },
};`;
}

function write(dir: string, folder: string, file: string, text: string): string {
  mkdirSync(path.join(dir, folder), { recursive: true });
  const full = path.join(dir, folder, file);
  writeFileSync(full, text);
  return full;
}

describe('loadPlugins: built-in folder', () => {
  it('loads every built-in plugin without failures', async () => {
    const { plugins, failures } = await loadPlugins({ builtinDir: BUILTIN_DIR });
    expect(failures).toEqual([]);
    expect([...plugins.keys()].sort()).toEqual(['dns', 'echo', 'http', 'ping', 'tcp', 'traceroute']);
    const echo = plugins.get('echo');
    expect(echo?.status().enabled).toBe(false);
    expect(() => echo?.run(['Hello'], OPTS)).toThrow('plugin echo is disabled');
  });

  it('returns the same object for a plugin on every scan, so its state survives', async () => {
    const first = await loadPlugins({ builtinDir: BUILTIN_DIR });
    first.plugins.get('echo')?.enable();
    const second = await loadPlugins({ builtinDir: BUILTIN_DIR });
    expect(second.plugins.get('echo')).toBe(first.plugins.get('echo'));
    expect(second.plugins.get('echo')?.status().enabled).toBe(true);
    second.plugins.get('echo')?.disable();
  });
});

describe('loadPlugins: user folder', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'obs-plugins-'));
    write(dir, 'good', 'index.ts', pluginSource('good', 'a good plugin').replace('let enabled = false;', 'let enabled: boolean = false;'));
    write(dir, 'goodjs', 'index.js', pluginSource('goodjs', 'a good JS plugin'));
    write(dir, 'throws', 'index.js', `throw new Error('broken at import');\n`);
    write(dir, 'noP', 'index.js', `export const Q = 1;\n`);
    write(dir, 'notRunner', 'index.js', `export const P = { name: 'notRunner', run() {} };\n`);
    write(dir, 'wrongName', 'index.js', pluginSource('somethingElse', 'misnamed'));
    write(dir, 'badStatus', 'index.js', pluginSource('badStatus', 'x').replace('status() {', 'status() { throw new Error("no status");'));
    write(dir, 'syntax', 'index.js', `export const P = {;\n`);
    write(dir, 'bad name', 'index.js', pluginSource('bad name', 'bad folder name'));
    write(dir, '1bad', 'index.js', pluginSource('1bad', 'bad folder name'));
    write(dir, 'echo', 'index.js', pluginSource('echo', 'a user echo that collides'));
    write(dir, 'notAPlugin', 'README.md', 'no index here');
    write(dir, '.hidden', 'index.js', `throw new Error('must not be imported');\n`);
    writeFileSync(path.join(dir, 'stray-file.txt'), 'x');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the good ones and reports every broken one with a reason', async () => {
    const { plugins, failures } = await loadPlugins({ builtinDir: BUILTIN_DIR, userDir: dir });
    expect(plugins.has('good')).toBe(true);
    expect(plugins.has('goodjs')).toBe(true);
    expect(plugins.get('good')?.description).toBe('a good plugin');
    expect(plugins.get('echo')?.description).toMatch(/original testPlugin/); // built-in wins

    const byName = Object.fromEntries(failures.map((f) => [f.name, f]));
    expect(Object.keys(byName).sort()).toEqual([
      '1bad',
      'bad name',
      'badStatus',
      'echo',
      'noP',
      'notRunner',
      'syntax',
      'throws',
      'wrongName',
    ]);
    expect(failures.every((f) => f.dir === dir)).toBe(true);
    expect(byName.throws?.error).toBe('broken at import');
    expect(byName.noP?.error).toBe('the module does not export P');
    expect(byName.notRunner?.error).toMatch(
      /does not implement the Runner contract: P\.description must be a string.*P\.enable must be a function/,
    );
    expect(byName.wrongName?.error).toMatch(/P\.name "somethingElse" does not match the folder name "wrongName"/);
    expect(byName.badStatus?.error).toMatch(/P\.status\(\) threw: no status/);
    expect(byName['bad name']?.error).toMatch(/invalid plugin folder name/);
    expect(byName['1bad']?.error).toMatch(/invalid plugin folder name/);
    expect(byName.echo?.error).toMatch(/built-in plugin is already named "echo"/);
    expect(byName.syntax?.error).toEqual(expect.any(String));
  });

  it('guards user plugins: errors map onto our classes, a rejecting result resolves with error', async () => {
    const { plugins } = await loadPlugins({ builtinDir: BUILTIN_DIR, userDir: dir });
    const good = plugins.get('goodjs');
    if (!good) throw new Error('goodjs not loaded');
    expect(() => good.run(['x'], OPTS)).toThrow(PluginDisabledError);
    expect(() => good.run(['x'], OPTS)).toThrow('plugin goodjs is disabled');
    expect(() => good.validate(['-x'])).toThrow(PluginParamError);
    good.enable();
    expect((await good.run(['hi'], OPTS).result).stdout).toEqual(['hi']);
    const failed = await good.run(['reject'], OPTS).result;
    expect(failed.error).toMatch(/kaboom/);
    good.disable();
  });

  it('a rescan reloads a changed plugin and keeps an unchanged one (same object)', async () => {
    const first = await loadPlugins({ builtinDir: BUILTIN_DIR, userDir: dir });
    const file = write(dir, 'good', 'index.ts', pluginSource('good', 'changed description'));
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    const second = await loadPlugins({ builtinDir: BUILTIN_DIR, userDir: dir });
    expect(second.plugins.get('good')?.description).toBe('changed description');
    expect(second.plugins.get('good')).not.toBe(first.plugins.get('good'));
    expect(second.plugins.get('goodjs')).toBe(first.plugins.get('goodjs'));
  });

  it('a plugin added after the first scan appears on rescan', async () => {
    await loadPlugins({ builtinDir: BUILTIN_DIR, userDir: dir });
    write(dir, 'added', 'index.js', pluginSource('added', 'added later'));
    const { plugins } = await loadPlugins({ builtinDir: BUILTIN_DIR, userDir: dir });
    expect(plugins.get('added')?.description).toBe('added later');
  });

  it('a plugin that hangs at import is reported after the import timeout', async () => {
    const hangDir = mkdtempSync(path.join(tmpdir(), 'obs-hang-'));
    try {
      write(hangDir, 'hangs', 'index.js', `await new Promise(() => {});\nexport const P = 1;\n`);
      const { failures } = await loadPlugins({ builtinDir: BUILTIN_DIR, userDir: hangDir, importTimeoutMs: 300 });
      expect(failures).toEqual([{ name: 'hangs', dir: hangDir, error: 'import did not finish within 300 ms' }]);
    } finally {
      rmSync(hangDir, { recursive: true, force: true });
    }
  });

  it('a missing user folder is not an error; a missing built-in folder is', async () => {
    const none = path.join(tmpdir(), 'obs-does-not-exist-' + process.pid);
    expect((await loadPlugins({ builtinDir: BUILTIN_DIR, userDir: none })).failures).toEqual([]);
    const { plugins, failures } = await loadPlugins({ builtinDir: none });
    expect(plugins.size).toBe(0);
    expect(failures[0]?.error).toMatch(/cannot read plugin folder/);
  });
});
