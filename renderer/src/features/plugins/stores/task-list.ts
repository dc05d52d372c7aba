import type { TaskSummary } from '../../../lib/contract.ts';

/** The store keeps the newest tasks only, and the last lines of each task's live output. */
export const MAX_TASKS = 100;
export const MAX_OUTPUT_LINES = 1000;

export interface OutputLine {
  stream: 'stdout' | 'stderr';
  line: string;
}

const rank: Record<TaskSummary['state'], number> = { pending: 0, running: 1, finished: 2, failed: 2, cancelled: 2 };

export const isActive = (task: TaskSummary): boolean => task.state === 'pending' || task.state === 'running';

/** Answers and events race: a task never goes back (e.g. a late `execute` answer saying pending after running). */
export function newer(current: TaskSummary | undefined, incoming: TaskSummary): TaskSummary {
  return current && rank[current.state] > rank[incoming.state] ? current : incoming;
}

const byNewest = (a: TaskSummary, b: TaskSummary) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Merges tasks into the list: newest first, bounded to MAX_TASKS. */
export function mergeTasks(list: TaskSummary[], incoming: TaskSummary[]): TaskSummary[] {
  const byId = new Map(list.map((t) => [t.id, t]));
  for (const task of incoming) byId.set(task.id, newer(byId.get(task.id), task));
  return [...byId.values()].sort(byNewest).slice(0, MAX_TASKS);
}

export function appendLine(lines: OutputLine[] | undefined, line: OutputLine): OutputLine[] {
  const kept = lines ? lines.slice(Math.max(0, lines.length - MAX_OUTPUT_LINES + 1)) : [];
  kept.push(line);
  return kept;
}

/** Drops per-task entries of tasks that fell off the list. */
export function keepKnown<T>(record: Record<string, T>, tasks: TaskSummary[]): Record<string, T> {
  const ids = new Set(tasks.map((t) => t.id));
  const keys = Object.keys(record);
  if (keys.every((id) => ids.has(id))) return record;
  return Object.fromEntries(keys.filter((id) => ids.has(id)).map((id) => [id, record[id] as T]));
}
