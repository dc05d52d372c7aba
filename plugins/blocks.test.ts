/** Tests for the shared building blocks: output collector, process runner, in-process runner, PATH lookup, base. */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBinary, hasBinary } from './binary.ts';
import { runInProcess } from './inprocess.ts';
import { MAX_LINE_CHARS, OutputCollector } from './output.ts';
import { failedRun, pluginEnvironment, ProcessPlugin, runProcess } from './process.ts';
import { PluginParamError, type OutputLine, type RunResult } from './runner.ts';
import { OPTS } from './testing.ts';
import { checkParams, safeParam } from './validate.ts';

const NODE = process.execPath;

/** Runs a small Node script as a child process through the shared process runner. */
function node(script: string, opts: Partial<typeof OPTS> & { killGraceMs?: number } = {}) {
  return runProcess(NODE, ['-e', script], { ...OPTS, ...opts });
}

/** True while `pid` runs; a zombie (dead, not yet reaped by its new parent) counts as gone. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

describe('OutputCollector', () => {
  it('splits chunks into lines across chunk borders, strips CR, flushes the last partial line', () => {
    const out = new OutputCollector(1024);
    out.pushChunk('stdout', Buffer.from('one\r\ntw'));
    out.pushChunk('stdout', Buffer.from('o\nthree'));
    out.pushChunk('stderr', Buffer.from('err\n'));
    expect(out.stdout).toEqual(['one', 'two']);
    out.close();
    expect(out.stdout).toEqual(['one', 'two', 'three']);
    expect(out.stderr).toEqual(['err']);
    expect(out.truncated).toBe(false);
  });

  it('decodes a UTF-8 character split across chunks', () => {
    const out = new OutputCollector(1024);
    const bytes = Buffer.from('héllo\n');
    out.pushChunk('stdout', bytes.subarray(0, 2));
    out.pushChunk('stdout', bytes.subarray(2));
    expect(out.stdout).toEqual(['héllo']);
  });

  it('bounds kept output (both streams together), keeps a prefix and sets truncated', () => {
    const out = new OutputCollector(10); // "abcd\n" + "efgh\n" = 10 bytes
    const seen: string[] = [];
    out.subscribe((l) => seen.push(l.line));
    out.pushChunk('stdout', 'abcd\n');
    out.pushChunk('stderr', 'efgh\n');
    out.pushChunk('stdout', 'i\n');
    out.pushChunk('stdout', '\n');
    out.close();
    expect(out.stdout).toEqual(['abcd']);
    expect(out.stderr).toEqual(['efgh']);
    expect(seen).toEqual(['abcd', 'efgh']);
    expect(out.truncated).toBe(true);
  });

  it('splits an endless line so it cannot grow memory', () => {
    const out = new OutputCollector(1_000_000);
    out.pushChunk('stdout', 'x'.repeat(MAX_LINE_CHARS * 2 + 5));
    out.close();
    expect(out.stdout.map((l) => l.length)).toEqual([MAX_LINE_CHARS, MAX_LINE_CHARS, 5]);
  });

  it('survives a throwing listener and stops notifying after unsubscribe', () => {
    const out = new OutputCollector(1024);
    const seen: string[] = [];
    out.subscribe(() => {
      throw new Error('listener bug');
    });
    const off = out.subscribe((l) => seen.push(l.line));
    out.pushText('stdout', 'a\nb');
    off();
    out.pushText('stdout', 'c');
    expect(out.stdout).toEqual(['a', 'b', 'c']);
    expect(seen).toEqual(['a', 'b']);
  });
});

describe('runProcess', () => {
  it('runs without a shell: metacharacters reach the program verbatim', async () => {
    const result = await runProcess(NODE, ['-e', 'console.log(process.argv[1])', '$(id); echo `x` | cat > /tmp/nope'], OPTS).result;
    expect(result.stdout).toEqual(['$(id); echo `x` | cat > /tmp/nope']);
  });

  it('streams stdout and stderr lines with timestamps, and reports the exit code', async () => {
    const handle = node('console.log("out1"); console.error("err1"); console.log("out2"); process.exitCode = 3');
    const lines: OutputLine[] = [];
    handle.onOutput((l) => lines.push(l));
    const result = await handle.result;
    expect(result.stdout).toEqual(['out1', 'out2']);
    expect(result.stderr).toEqual(['err1']);
    expect(lines.map((l) => `${l.stream}:${l.line}`).sort()).toEqual(['stderr:err1', 'stdout:out1', 'stdout:out2']);
    expect(lines.every((l) => l.at >= result.startedAt && l.at <= result.stoppedAt)).toBe(true);
    expect(result).toMatchObject({ exitCode: 3, signal: null, error: null, command: [NODE, '-e', expect.any(String)] });
  });

  it('a missing binary becomes `error`, never a throw', async () => {
    const handle = runProcess('/nonexistent/definitely-not-here', ['x'], OPTS);
    const result = await handle.result;
    expect(result.error).toMatch(/not found/);
    expect(result).toMatchObject({ exitCode: null, stdout: [], timedOut: false });
    expect(handle.pid).toBeNull();
  });

  it('a non-executable file becomes `error`', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'obs-noexec-'));
    try {
      const file = path.join(dir, 'script');
      writeFileSync(file, '#!/bin/sh\necho hi\n');
      chmodSync(file, 0o644);
      const result = await runProcess(file, [], OPTS).result;
      expect(result.error).toMatch(/not executable|EACCES/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bounds kept output at maxOutputBytes and sets truncated, while the process still completes', async () => {
    const result = await node('for (let i = 0; i < 20000; i++) console.log("line " + i)', { maxOutputBytes: 100 }).result;
    expect(result.truncated).toBe(true);
    expect(result.exitCode).toBe(0);
    expect(result.stdout[0]).toBe('line 0');
    expect(result.stdout.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0)).toBeLessThanOrEqual(100);
  });

  it.skipIf(!hasBinary('sleep'))('a timeout kills a long sleep and marks timedOut (binary: sleep)', async () => {
    const sleeper = new ProcessPlugin({
      name: 'sleeper',
      description: 'test only: sleeps',
      paramsHelp: '[seconds]',
      enabled: true,
      binary: 'sleep',
      validate: (params) => params,
      args: (params) => params,
    });
    const handle = sleeper.run(['30'], { timeoutMs: 200, maxOutputBytes: 1024 });
    expect(handle.command).toEqual(['sleep', '30']);
    const result = await handle.result;
    expect(result).toMatchObject({ timedOut: true, cancelled: false, exitCode: null, signal: 'SIGTERM', error: 'timed out after 200 ms' });
    expect(result.stoppedAt - result.startedAt).toBeLessThan(3_000);
    expect(alive(handle.pid ?? -1)).toBe(false);
  });

  it('SIGKILLs a process that ignores SIGTERM after the grace period', async () => {
    const handle = node('process.on("SIGTERM", () => console.log("ignoring")); console.log("ready"); setInterval(() => {}, 1000)', {
      timeoutMs: 30_000,
      killGraceMs: 300,
    });
    await new Promise<void>((resolve) => handle.onOutput((l) => l.line === 'ready' && resolve()));
    handle.cancel();
    const result = await handle.result;
    expect(result).toMatchObject({ cancelled: true, signal: 'SIGKILL', exitCode: null, error: 'cancelled' });
    expect(result.stdout).toContain('ignoring');
  });

  it('kills the whole process group, grandchildren included', async () => {
    const script = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      console.log(child.pid);
      setInterval(() => {}, 1000);`;
    const handle = node(script, { timeoutMs: 30_000 });
    const grandchild = await new Promise<number>((resolve) => handle.onOutput((l) => resolve(Number(l.line))));
    expect(alive(grandchild)).toBe(true);
    handle.cancel();
    await handle.result;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(grandchild)).toBe(false);
  });

  it('cancel after the run finished is a no-op', async () => {
    const handle = node('console.log("done")');
    const result = await handle.result;
    handle.cancel();
    expect(result).toMatchObject({ cancelled: false, exitCode: 0, error: null });
  });

  it('failedRun resolves at once with the error', async () => {
    const result: RunResult = await failedRun(['x'], 'nope').result;
    expect(result).toMatchObject({ command: ['x'], error: 'nope', exitCode: null });
  });
});

describe('runInProcess', () => {
  it('streams lines and returns the exit code', async () => {
    const handle = runInProcess(
      ['t'],
      (ctx) => {
        ctx.stdout('a\nb');
        ctx.stderr('c');
        return 2;
      },
      OPTS,
    );
    const seen: string[] = [];
    handle.onOutput((l) => seen.push(l.line));
    const result = await handle.result;
    expect(result).toMatchObject({ command: ['t'], stdout: ['a', 'b'], stderr: ['c'], exitCode: 2, error: null, signal: null });
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(handle.pid).toBeNull();
  });

  it('a thrown error lands in `error`; result never rejects', async () => {
    const result = await runInProcess(
      ['t'],
      async () => {
        throw new Error('boom');
      },
      OPTS,
    ).result;
    expect(result).toMatchObject({ error: 'boom', exitCode: null });
  });

  it('times out even when the task ignores its signal, and aborts the signal', async () => {
    let aborted = false;
    const handle = runInProcess(
      ['t'],
      (ctx) => {
        ctx.signal.addEventListener('abort', () => (aborted = true));
        return new Promise<void>(() => {}); // never settles
      },
      { timeoutMs: 100, maxOutputBytes: 100 },
    );
    const result = await handle.result;
    expect(result).toMatchObject({ timedOut: true, error: 'timed out after 100 ms', exitCode: null });
    expect(aborted).toBe(true);
  });

  it('cancel aborts; output after the end is dropped', async () => {
    let late: (() => void) | undefined;
    const handle = runInProcess(
      ['t'],
      (ctx) => {
        ctx.stdout('before');
        late = () => ctx.stdout('after');
        return new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
      },
      OPTS,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    handle.cancel();
    const result = await handle.result;
    late?.();
    expect(result).toMatchObject({ cancelled: true, error: 'cancelled', stdout: ['before'] });
  });

  it('bounds output', async () => {
    const result = await runInProcess(
      ['t'],
      (ctx) => {
        for (let i = 0; i < 1000; i++) ctx.stdout(`line ${i}`);
      },
      { timeoutMs: 1000, maxOutputBytes: 20 },
    ).result;
    expect(result.truncated).toBe(true);
    expect(result.stdout).toEqual(['line 0', 'line 1']);
  });
});

describe('findBinary', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'obs-path-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds an executable on the given PATH, in order', () => {
    const exe = path.join(dir, 'mytool');
    writeFileSync(exe, '#!/bin/sh\n');
    chmodSync(exe, 0o755);
    expect(findBinary('mytool', { pathEnv: `/nonexistent${path.delimiter}${dir}`, sbinFallback: false })).toBe(exe);
    expect(findBinary('node', { pathEnv: path.dirname(NODE) })).toBe(NODE);
  });

  it('ignores non-executables, folders, relative PATH entries and names with slashes', () => {
    writeFileSync(path.join(dir, 'plain'), 'x');
    chmodSync(path.join(dir, 'plain'), 0o644);
    expect(findBinary('plain', { pathEnv: dir, sbinFallback: false })).toBeNull();
    expect(findBinary(path.basename(dir), { pathEnv: path.dirname(dir), sbinFallback: false })).toBeNull();
    expect(findBinary('mytool', { pathEnv: `.${path.delimiter}`, sbinFallback: false })).toBeNull();
    expect(findBinary('../mytool', { pathEnv: dir })).toBeNull();
    expect(findBinary('')).toBeNull();
    expect(findBinary('definitely-not-a-binary-xyz')).toBeNull();
  });

  it('accepts an absolute path to an executable', () => {
    expect(findBinary(NODE)).toBe(NODE);
    expect(hasBinary('/nonexistent/tool')).toBe(false);
  });
});

describe('ProcessPlugin', () => {
  const ghost = new ProcessPlugin({
    name: 'ghost',
    description: 'test only: a binary that does not exist',
    paramsHelp: '[word]',
    enabled: true,
    binary: 'definitely-not-a-binary-xyz',
    validate: (params) => checkParams(params, 0, 1, '[word]').map((p) => safeParam(p, 'word')),
    args: (params) => params,
  });

  it('a missing binary shows available: false with the detail', () => {
    expect(ghost.status()).toEqual({ enabled: true, available: false, detail: 'binary "definitely-not-a-binary-xyz" not found on PATH' });
  });

  it('running it anyway fails in the result, not with a throw', async () => {
    const result = await ghost.run(['x'], OPTS).result;
    expect(result).toMatchObject({
      command: ['definitely-not-a-binary-xyz', 'x'],
      error: 'binary "definitely-not-a-binary-xyz" not found on PATH',
    });
  });

  it('validates before running and checks run options', () => {
    expect(() => ghost.run(['-rf'], OPTS)).toThrow(PluginParamError);
    expect(() => ghost.run([], { timeoutMs: 0, maxOutputBytes: 10 })).toThrow(RangeError);
    expect(() => ghost.run([], { timeoutMs: Number.POSITIVE_INFINITY, maxOutputBytes: 10 })).toThrow(RangeError);
    expect(() => ghost.run([], { timeoutMs: 10, maxOutputBytes: -1 })).toThrow(RangeError);
  });

  it('refuses a binary that is neither a bare name nor an absolute path', () => {
    expect(
      () =>
        new ProcessPlugin({
          name: 'x',
          description: 'x',
          paramsHelp: '',
          enabled: true,
          binary: '../bin/sh',
          validate: (p) => p,
          args: (p) => p,
        }),
    ).toThrow(TypeError);
  });
});

describe('pluginEnvironment', () => {
  it('passes PATH and a few harmless variables, never the console secrets', () => {
    const env = pluginEnvironment({
      PATH: '/usr/bin',
      HOME: '/root',
      SECRET: 's',
      DB_PASSWORD: 'p',
      OBSERVATORY_TOKEN: 't',
      ADMIN_PASSWORD: 'a',
    });
    expect(env).toEqual({ LC_ALL: 'C', PATH: '/usr/bin', HOME: '/root' });
  });
});
