/**
 * Runs a plugin implemented in Node as a plugin run, with the same handle as a process: lines are
 * streamed and bounded the same way, and cancel/timeout abort an AbortSignal the task must pass on
 * to its I/O. The result settles at the timeout or cancel even if the task ignores the signal;
 * anything the task does afterwards is dropped.
 *
 * Convention for tasks: a diagnostic that ran but found a failure (connection refused, NXDOMAIN)
 * writes it to stderr and returns a non-zero exit code, like a command-line tool would; a thrown
 * error is an unexpected failure and lands in `error`.
 */
import { PluginBase, type PluginInfo } from './base.ts';
import { OutputCollector } from './output.ts';
import { runResult } from './result.ts';
import type { RunHandle, RunOptions, RunResult } from './runner.ts';

export interface TaskContext {
  /** Aborted on timeout or cancel; pass it to every I/O call. */
  signal: AbortSignal;
  /** The run's time limit (ms); tasks may derive their own shorter I/O timeouts from it. */
  timeoutMs: number;
  /** The run's output bound; tasks may use it to avoid reading more than can be kept. */
  maxOutputBytes: number;
  /** Writes one line per `\n`-separated piece. */
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Returns the exit code (undefined = 0). */
export type InProcessTask = (ctx: TaskContext) => Promise<number | void> | number | void;

export function runInProcess(command: string[], task: InProcessTask, opts: RunOptions): RunHandle {
  const out = new OutputCollector(opts.maxOutputBytes);
  const controller = new AbortController();
  const startedAt = Date.now();
  let timedOut = false;
  let cancelled = false;
  let error: string | null = null;
  let finished = false;

  let resolveResult: (result: RunResult) => void = () => {};
  const result = new Promise<RunResult>((resolve) => {
    resolveResult = resolve;
  });

  const finish = (exitCode: number | null): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    out.close();
    resolveResult(runResult({ command, exitCode, error, output: out, timedOut, cancelled, startedAt }));
  };

  const timer = setTimeout(() => {
    if (finished) return;
    timedOut = true;
    error = `timed out after ${opts.timeoutMs} ms`;
    controller.abort(new Error(error));
    finish(null);
  }, opts.timeoutMs);

  const ctx: TaskContext = {
    signal: controller.signal,
    timeoutMs: opts.timeoutMs,
    maxOutputBytes: opts.maxOutputBytes,
    stdout: (text) => out.pushText('stdout', text),
    stderr: (text) => out.pushText('stderr', text),
  };

  // Start on a later turn so a caller that subscribes right after run() sees every line.
  setImmediate(() => {
    if (finished) return;
    Promise.resolve()
      .then(() => task(ctx))
      .then(
        (code) => finish(typeof code === 'number' ? code : 0),
        (err: unknown) => {
          if (finished) return;
          error = err instanceof Error ? err.message : String(err);
          finish(null);
        },
      );
  });

  return {
    command,
    pid: null,
    onOutput: (listener) => out.subscribe(listener),
    cancel: () => {
      if (finished) return;
      cancelled = true;
      error = 'cancelled';
      controller.abort(new Error('cancelled'));
      finish(null);
    },
    result,
  };
}

/** A short, readable description of a network/system error, e.g. `ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:1)`. */
export function describeError(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) {
    // Happy-eyeballs connects fail with one error per address tried.
    return err.errors.map(describeError).join('; ');
  }
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== undefined && err.message !== '' && !err.message.includes(code)) return `${code} (${err.message})`;
    return err.message !== '' ? err.message : (code ?? err.name);
  }
  return String(err);
}

export interface InProcessPluginSpec extends PluginInfo {
  /** A readable command for the result, e.g. `['dns', 'example.com', 'MX']`. */
  command(params: string[]): string[];
  /** The work, given validated params. */
  task(params: string[], ctx: TaskContext): Promise<number | void> | number | void;
}

export class InProcessPlugin extends PluginBase {
  readonly #command: (params: string[]) => string[];
  readonly #task: InProcessPluginSpec['task'];

  constructor(spec: InProcessPluginSpec) {
    super(spec);
    this.#command = spec.command;
    this.#task = spec.task;
  }

  protected start(params: string[], opts: RunOptions): RunHandle {
    return runInProcess(this.#command(params), (ctx) => this.#task(params, ctx), opts);
  }
}
