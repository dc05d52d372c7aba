import type { ReactNode } from 'react';
import type { TaskSummary } from '../../../lib/contract.ts';
import '../../../components/state-badge.css';

export type Tone = 'ok' | 'warn' | 'danger' | 'neutral';

/** The shared state-badge look, for states that are not a service's. */
export function Badge({ tone, testId, children }: { tone: Tone; testId?: string; children: ReactNode }) {
  return (
    <span className={`state-badge state-badge--${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}

const taskTone: Record<TaskSummary['state'], Tone> = {
  pending: 'neutral',
  running: 'warn',
  finished: 'ok',
  failed: 'danger',
  cancelled: 'neutral',
};

export function TaskStateBadge({ task }: { task: TaskSummary }) {
  return (
    <Badge tone={taskTone[task.state]} testId={`task-state-${task.id}`}>
      {task.state}
    </Badge>
  );
}
