/**
 * A run's result, laid out in one place for every runner: the process and in-process runners
 * (output from their collector) and the runs that never produced any (a spawn that could not
 * start, a user plugin whose handle failed).
 */
import type { OutputCollector } from './output.ts';
import type { RunResult } from './runner.ts';

export interface RunOutcome {
  command: string[];
  error: string | null;
  startedAt: number;
  /** Default: now. */
  stoppedAt?: number;
  /** Default: null. */
  exitCode?: number | null;
  /** Default: null. */
  signal?: string | null;
  /** The output kept; none when omitted. */
  output?: OutputCollector;
  timedOut?: boolean;
  cancelled?: boolean;
}

export function runResult(o: RunOutcome): RunResult {
  return {
    command: o.command,
    exitCode: o.exitCode ?? null,
    signal: o.signal ?? null,
    error: o.error,
    stdout: o.output ? o.output.stdout : [],
    stderr: o.output ? o.output.stderr : [],
    truncated: o.output ? o.output.truncated : false,
    timedOut: o.timedOut ?? false,
    cancelled: o.cancelled ?? false,
    startedAt: o.startedAt,
    stoppedAt: o.stoppedAt ?? Date.now(),
  };
}
