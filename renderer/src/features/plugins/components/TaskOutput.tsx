import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { InlineError } from '../../../components/InlineError.tsx';
import type { TaskSummary } from '../../../lib/contract.ts';
import { loadTaskDetail } from '../stores/actions.ts';
import { useLookingGlassStore } from '../stores/lookingglass-store.ts';
import { isActive, MAX_OUTPUT_LINES, type OutputLine } from '../stores/task-list.ts';

function emptyText(task: TaskSummary, loading: boolean): string {
  if (task.state === 'pending') return 'Waiting for the task to start…';
  if (task.state === 'running') return 'Waiting for output…';
  return loading ? 'Loading the output…' : 'No output.';
}

/** Live lines while the task runs; once it is over, its full stored output (fetched on open). */
export function TaskOutput({ task, id }: { task: TaskSummary; id: string }) {
  const over = !isActive(task);
  const live = useLookingGlassStore((s) => s.output[task.id]);
  const detail = useLookingGlassStore((s) => s.details[task.id]);
  const loading = useLookingGlassStore((s) => Boolean(s.pending[`detail:${task.id}`]));
  const error = useLookingGlassStore((s) => s.errors[`detail:${task.id}`]);

  useEffect(() => {
    if (over) void loadTaskDetail(task.id);
  }, [over, task.id]);

  const lines = useMemo<OutputLine[]>(
    () =>
      over && detail
        ? [
            ...detail.stdout.map((line) => ({ stream: 'stdout' as const, line })),
            ...detail.stderr.map((line) => ({ stream: 'stderr' as const, line })),
          ]
        : (live ?? []),
    [over, detail, live],
  );

  // Follow the end of the output unless the user scrolled up to read.
  const pre = useRef<HTMLPreElement>(null);
  const following = useRef(true);
  useLayoutEffect(() => {
    if (pre.current && following.current) pre.current.scrollTop = pre.current.scrollHeight;
  }, [lines]);

  return (
    <div className="lg-output" id={id} data-testid={id}>
      {lines.length > 0 ? (
        <pre
          ref={pre}
          onScroll={(e) => {
            const el = e.currentTarget;
            following.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
          }}
        >
          {lines.map((l, i) => (
            <span key={i} className={l.stream === 'stderr' ? 'lg-output__stderr' : undefined}>
              {l.line}
              {'\n'}
            </span>
          ))}
        </pre>
      ) : (
        <p className="muted">{emptyText(task, loading)}</p>
      )}
      {detail?.truncated ? <p className="muted">The service kept only the first part of this output.</p> : null}
      {!detail && live && live.length >= MAX_OUTPUT_LINES ? <p className="muted">Showing the last {MAX_OUTPUT_LINES} lines.</p> : null}
      <InlineError message={error} />
    </div>
  );
}
