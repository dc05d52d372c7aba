/**
 * The Runner contract: what every plugin (`plugins/<name>/index.ts` exporting `P`) implements and
 * what the Looking Glass service uses. Rebuilt from the Go worker's `Runner` interface
 * (Run/Enable/Disable/Status), with validation, a status that says whether the plugin can run on
 * this machine, and a run handle with streaming output, a timeout, cancel and bounded output.
 */

export interface PluginStatus {
  enabled: boolean;
  /** Whether the plugin can run on this machine (e.g. its binary is on PATH). */
  available: boolean;
  /** Why it is not available, e.g. `binary "ping" not found on PATH`; null when there is nothing to say. */
  detail: string | null;
}

export interface OutputLine {
  stream: 'stdout' | 'stderr';
  /** One line of output, without its line ending. */
  line: string;
  /** Epoch milliseconds when the line was seen. */
  at: number;
}

export interface RunOptions {
  /** Hard limit on the run; when it passes the run is stopped and `timedOut` is set. Must be > 0. */
  timeoutMs: number;
  /** Bound on kept (and streamed) output, stdout and stderr together; beyond it `truncated` is set. */
  maxOutputBytes: number;
}

export interface RunResult {
  /** What was run: the binary and its arguments, or for in-process plugins a readable equivalent. */
  command: string[];
  /** Process exit code; null when it was killed by a signal, never started, or stopped (timeout/cancel). */
  exitCode: number | null;
  /** Signal that ended the process (e.g. `SIGTERM`), else null. */
  signal: string | null;
  /** Why the run failed to start or finish (spawn error, timeout, cancel, thrown error); null otherwise. */
  error: string | null;
  stdout: string[];
  stderr: string[];
  truncated: boolean;
  timedOut: boolean;
  cancelled: boolean;
  /** Epoch milliseconds. */
  startedAt: number;
  stoppedAt: number;
}

export interface RunHandle {
  command: string[];
  /** OS process id, or null (in-process plugin, or the spawn failed). */
  pid: number | null;
  /** Subscribe to output lines as they arrive; returns an unsubscribe function. Listener errors are swallowed. */
  onOutput(listener: (line: OutputLine) => void): () => void;
  /** Stop the run (no-op once it has finished). */
  cancel(): void;
  /** Settles when the run is over. Never rejects: failures are in `error` / `exitCode`. */
  result: Promise<RunResult>;
}

export interface Runner {
  readonly name: string;
  /** One line saying what the plugin does. */
  readonly description: string;
  /** One line describing the params, e.g. `[host, count?]  host: hostname or IP; count: 1..10 (default 4)`. */
  readonly paramsHelp: string;
  enable(): void;
  disable(): void;
  status(): PluginStatus;
  /** Checks params and returns them normalised (defaults filled in). Throws PluginParamError. */
  validate(params: string[]): string[];
  /**
   * Starts a run. Throws PluginDisabledError (`plugin <name> is disabled`) when disabled, and
   * PluginParamError when the params are invalid (they are validated before anything starts).
   */
  run(params: string[], opts: RunOptions): RunHandle;
}

/** Params rejected by `validate` (or `run`); the message is meant for the user as is. */
export class PluginParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginParamError';
  }
}

/** `run` on a disabled plugin. */
export class PluginDisabledError extends Error {
  readonly plugin: string;

  constructor(plugin: string) {
    super(`plugin ${plugin} is disabled`);
    this.name = 'PluginDisabledError';
    this.plugin = plugin;
  }
}
