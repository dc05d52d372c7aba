import { InlineError } from '../../../components/InlineError.tsx';
import type { TaskSummary } from '../../../lib/contract.ts';
import { cancelTask, setExpanded } from '../stores/actions.ts';
import { useLookingGlassStore } from '../stores/lookingglass-store.ts';
import { isActive } from '../stores/task-list.ts';
import { TaskStateBadge } from './Badge.tsx';
import { TaskDuration } from './TaskDuration.tsx';
import { TaskOutput } from './TaskOutput.tsx';

export function TaskRow({ task }: { task: TaskSummary }) {
  const { id, plugin, params, exitCode, error } = task;
  const open = useLookingGlassStore((s) => Boolean(s.expanded[id]));
  const cancelling = useLookingGlassStore((s) => Boolean(s.pending[`cancel:${id}`]));
  const cancelError = useLookingGlassStore((s) => s.errors[`cancel:${id}`]);
  const outputId = `task-output-${id}`;
  return (
    <li className="lg-task" data-testid={`task-row-${id}`}>
      <div className="lg-task__head">
        <button
          type="button"
          className="lg-task__toggle"
          aria-expanded={open}
          aria-controls={outputId}
          title={open ? 'Hide output' : 'Show output'}
          onClick={() => setExpanded(id, !open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> <code>{[plugin, ...params].join(' ')}</code>
        </button>
        <TaskStateBadge task={task} />
        <span className="lg-task__duration">
          <TaskDuration task={task} />
        </span>
        <span className="lg-task__exit muted">{exitCode !== null ? `exit ${exitCode}` : null}</span>
        <time className="lg-task__time muted" dateTime={new Date(task.createdAt).toISOString()}>
          {new Date(task.createdAt).toLocaleTimeString()}
        </time>
        {isActive(task) ? (
          <button type="button" aria-label={`Cancel task ${plugin}`} disabled={cancelling} onClick={() => void cancelTask(id)}>
            Cancel
          </button>
        ) : null}
      </div>
      {error ? <p className="alert">{error}</p> : null}
      <InlineError message={cancelError} />
      {open ? <TaskOutput task={task} id={outputId} /> : null}
    </li>
  );
}
