import { InlineError } from '../../../components/InlineError.tsx';
import { useLookingGlassStore } from '../stores/lookingglass-store.ts';
import { TaskRow } from './TaskRow.tsx';

export function TaskList() {
  const tasks = useLookingGlassStore((s) => s.tasks);
  const loadError = useLookingGlassStore((s) => s.loadErrors.tasks);
  return (
    <section className="pane-section" aria-labelledby="lg-tasks-title">
      <h2 id="lg-tasks-title">Tasks</h2>
      <InlineError message={loadError} />
      {tasks === null ? (
        loadError ? null : (
          <p className="muted">Loading tasks…</p>
        )
      ) : tasks.length === 0 ? (
        <p className="muted">No tasks yet.</p>
      ) : (
        <ul className="lg-tasks">
          {tasks.map((task) => (
            <TaskRow key={task.id} task={task} />
          ))}
        </ul>
      )}
    </section>
  );
}
