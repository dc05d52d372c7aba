/**
 * Runs a binary as a plugin run: no shell (`spawn(file, args, { shell: false })`), output split
 * into lines and streamed, kept output bounded, the process group killed on timeout or cancel
 * (SIGTERM, then SIGKILL after a grace period), and every failure reported in the result rather
 * than thrown (a missing binary becomes `error`, never an exception in the event loop).
 *
 * `ProcessPlugin` is the shared plugin class built on it: a plugin = a binary + a validator + a
 * params → args mapping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { PluginBase, type PluginInfo } from './base.ts';
import { findBinary } from './binary.ts';
import { OutputCollector } from './output.ts';
import { runResult } from './result.ts';
import type { PluginStatus, RunHandle, RunOptions, RunResult } from './runner.ts';

export const DEFAULT_KILL_GRACE_MS = 2_000;
/** After the process exits, how long to wait for its pipes to close (a stray grandchild may hold them). */
const PIPE_CLOSE_GRACE_MS = 1_000;
const POSIX = process.platform !== 'win32';

export interface ProcessRunOptions extends RunOptions {
  /** Between SIGTERM and SIGKILL on timeout/cancel (default 2 s). */
  killGraceMs?: number;
  /** Environment for the child (default: this process's, with LC_ALL=C so tool output is stable). */
  env?: NodeJS.ProcessEnv;
  /** What `command[0]` shows (default: `file`), e.g. the bare name when `file` is a resolved path. */
  displayName?: string;
}

/** Process groups still running, killed if this process exits first (detached children would outlive it). */
const liveGroups = new Set<number>();
let exitHookInstalled = false;
function trackGroup(pid: number): void {
  liveGroups.add(pid);
  if (exitHookInstalled || !POSIX) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const pid of liveGroups) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

export function runProcess(file: string, args: string[], opts: ProcessRunOptions): RunHandle {
  const command = [opts.displayName ?? file, ...args];
  const out = new OutputCollector(opts.maxOutputBytes);
  const killGraceMs = opts.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
  const startedAt = Date.now();
  const timers: NodeJS.Timeout[] = [];
  let timedOut = false;
  let cancelled = false;
  let error: string | null = null;
  let finished = false;
  let exited = false;
  let terminating = false;
  let child: ChildProcess | null = null;

  let resolveResult: (result: RunResult) => void = () => {};
  const result = new Promise<RunResult>((resolve) => {
    resolveResult = resolve;
  });

  const finish = (exitCode: number | null, signal: NodeJS.Signals | null): void => {
    if (finished) return;
    finished = true;
    for (const timer of timers) clearTimeout(timer);
    if (child?.pid !== undefined) liveGroups.delete(child.pid);
    out.close();
    resolveResult(runResult({ command, exitCode, signal, error, output: out, timedOut, cancelled, startedAt }));
  };

  const killGroup = (signal: NodeJS.Signals): void => {
    const pid = child?.pid;
    if (pid === undefined || child === null) return;
    try {
      if (POSIX) process.kill(-pid, signal);
      else child.kill(signal);
    } catch {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    }
  };

  const terminate = (): void => {
    if (finished || exited || terminating) return;
    terminating = true;
    killGroup('SIGTERM');
    timers.push(
      setTimeout(() => {
        if (!exited) killGroup('SIGKILL');
      }, killGraceMs),
    );
  };

  const handle: RunHandle = {
    command,
    pid: null,
    onOutput: (listener) => out.subscribe(listener),
    cancel: () => {
      if (finished || exited || cancelled || timedOut) return;
      cancelled = true;
      error = 'cancelled';
      terminate();
    },
    result,
  };

  try {
    child = spawn(file, args, {
      shell: false,
      detached: POSIX, // its own process group, so a timeout kills everything it started
      stdio: ['ignore', 'pipe', 'pipe'],
      env: opts.env ?? pluginEnvironment(),
      windowsHide: true,
    });
  } catch (err) {
    // Synchronous spawn failures (e.g. invalid arguments) end up in the result like any other.
    error = `failed to start ${file}: ${messageOf(err)}`;
    queueMicrotask(() => finish(null, null));
    return handle;
  }

  const proc = child;
  handle.pid = proc.pid ?? null;
  if (proc.pid !== undefined) trackGroup(proc.pid);

  proc.stdout?.on('data', (chunk: Buffer) => out.pushChunk('stdout', chunk));
  proc.stderr?.on('data', (chunk: Buffer) => out.pushChunk('stderr', chunk));
  proc.stdout?.on('error', () => {});
  proc.stderr?.on('error', () => {});

  proc.on('error', (err: NodeJS.ErrnoException) => {
    if (proc.pid === undefined) {
      error = describeSpawnError(file, err);
      finish(null, null);
    } else {
      error ??= messageOf(err);
    }
  });

  proc.on('exit', (code, signal) => {
    exited = true;
    if (finished) return;
    // Mop up anything the process left behind in its group once we decided to stop it.
    if (terminating) killGroup('SIGKILL');
    timers.push(
      setTimeout(() => {
        proc.stdout?.destroy();
        proc.stderr?.destroy();
        finish(code, signal);
      }, PIPE_CLOSE_GRACE_MS),
    );
  });

  proc.on('close', (code, signal) => finish(code, signal));

  timers.push(
    setTimeout(() => {
      if (finished || exited || cancelled) return;
      timedOut = true;
      error = `timed out after ${opts.timeoutMs} ms`;
      terminate();
    }, opts.timeoutMs),
  );

  return handle;
}

/** A handle for a run that could not start; its result resolves at once with `error`. */
export function failedRun(command: string[], error: string): RunHandle {
  const now = Date.now();
  return {
    command,
    pid: null,
    onOutput: () => () => {},
    cancel: () => {},
    result: Promise.resolve(runResult({ command, error, startedAt: now, stoppedAt: now })),
  };
}

export interface ProcessPluginSpec extends PluginInfo {
  /** Bare executable name looked up on PATH (plus sbin folders), or an absolute path. */
  binary: string;
  /** Arguments for already validated params. Never put user text where the binary reads an option. */
  args(params: string[]): string[];
  killGraceMs?: number;
}

export class ProcessPlugin extends PluginBase {
  readonly binary: string;
  readonly #args: (params: string[]) => string[];
  readonly #killGraceMs: number | undefined;

  constructor(spec: ProcessPluginSpec) {
    super(spec);
    if (!/^[A-Za-z0-9._+-]+$/.test(spec.binary) && !spec.binary.startsWith('/')) {
      throw new TypeError(`binary must be a bare file name or an absolute path, got ${JSON.stringify(spec.binary)}`);
    }
    this.binary = spec.binary;
    this.#args = spec.args;
    this.#killGraceMs = spec.killGraceMs;
  }

  protected override availability(): Omit<PluginStatus, 'enabled'> {
    return findBinary(this.binary) === null
      ? { available: false, detail: missingBinaryDetail(this.binary) }
      : { available: true, detail: null };
  }

  protected start(params: string[], opts: RunOptions): RunHandle {
    const args = this.#args(params);
    const file = findBinary(this.binary);
    // Not found: say so, rather than let spawn search PATH itself (which would honour relative entries).
    if (file === null) return failedRun([this.binary, ...args], missingBinaryDetail(this.binary));
    const runOpts: ProcessRunOptions = { ...opts, displayName: this.binary };
    if (this.#killGraceMs !== undefined) runOpts.killGraceMs = this.#killGraceMs;
    return runProcess(file, args, runOpts);
  }
}

export function missingBinaryDetail(binary: string): string {
  return binary.startsWith('/') ? `binary "${binary}" not found or not executable` : `binary "${binary}" not found on PATH`;
}

function describeSpawnError(file: string, err: NodeJS.ErrnoException): string {
  if (err.code === 'ENOENT') return `binary "${file}" not found`;
  if (err.code === 'EACCES') return `binary "${file}" is not executable`;
  return `failed to start ${file}: ${err.message}`;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Variables a plugin binary may see: none of the console's secrets (SECRET, DB_PASSWORD, tokens) reach it. */
const passedVariables = ['PATH', 'HOME', 'TZ', 'TMPDIR', 'SYSTEMROOT'] as const;

export function pluginEnvironment(source: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { LC_ALL: 'C' };
  for (const name of passedVariables) if (source[name] !== undefined) env[name] = source[name];
  return env;
}
