import type { TaskSummary } from '../../../lib/contract.ts';
import { useNow } from '../../../lib/clock.ts';
import { formatDuration } from '../../../lib/format.ts';

/** Tasks are often short: below a minute, tenths of a second say more than "0s". */
function formatTaskDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  return formatDuration(ms);
}

/** Ticks with the shared clock only while the task runs. */
function LiveDuration({ startedAt }: { startedAt: number }) {
  const now = useNow();
  return <>{formatDuration(now - startedAt)}</>;
}

export function TaskDuration({ task }: { task: TaskSummary }) {
  const { state, startedAt, stoppedAt } = task;
  if (startedAt === null) return <span className="muted">{state === 'pending' ? 'queued' : '—'}</span>;
  if (stoppedAt === null) return state === 'running' ? <LiveDuration startedAt={startedAt} /> : <span className="muted">—</span>;
  return <>{formatTaskDuration(stoppedAt - startedAt)}</>;
}
