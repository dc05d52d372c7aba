/** Everything Looking Glass keeps, behind one interface with an embedded (SQLite) and a server (PostgreSQL) implementation. */

export interface UserRecord {
  id: number;
  username: string;
  passwordHash: string;
}

export type TaskState = 'pending' | 'running' | 'finished' | 'failed' | 'cancelled';

export interface TaskRecord {
  id: string;
  userId: number;
  plugin: string;
  params: string[];
  command: string[];
  state: TaskState;
  exitCode: number | null;
  error: string | null;
  stdout: string[];
  stderr: string[];
  truncated: boolean;
  pid: number | null;
  createdAt: number;
  startedAt: number | null;
  stoppedAt: number | null;
  /** The Looking Glass node that owns the task: a restart fails only its own unfinished tasks. */
  nodeId: string;
}

/** A task as it is first stored: pending, nothing run yet. */
export function pendingTask(fields: Pick<TaskRecord, 'id' | 'userId' | 'plugin' | 'params' | 'createdAt' | 'nodeId'>): TaskRecord {
  return {
    ...fields,
    command: [fields.plugin, ...fields.params],
    state: 'pending',
    exitCode: null,
    error: null,
    stdout: [],
    stderr: [],
    truncated: false,
    pid: null,
    startedAt: null,
    stoppedAt: null,
  };
}

export type TaskPatch = Partial<Omit<TaskRecord, 'id' | 'userId' | 'plugin' | 'params' | 'createdAt' | 'nodeId'>>;

export interface LookingGlassRepository {
  /** Which database this is, for messages ("SQLite /path", "PostgreSQL db@host:port"). */
  readonly describe: string;
  /** true when this process is the database's only user (embedded): what it holds may be mirrored. */
  readonly exclusive: boolean;
  findUser(username: string): Promise<UserRecord | null>;
  createUser(username: string, passwordHash: string): Promise<UserRecord>;
  countUsers(): Promise<number>;

  listTags(): Promise<string[]>;
  /** true when the tag was added, false when it already existed. */
  addTag(tag: string): Promise<boolean>;
  /** true when the tag is known to exist without a round trip (an embedded store's memory); false means "ask addTag". */
  hasTagCached(tag: string): boolean;
  /** true when the tag existed and was removed. */
  removeTag(tag: string): Promise<boolean>;

  insertTask(task: TaskRecord): Promise<void>;
  updateTask(id: string, patch: TaskPatch): Promise<void>;
  getTask(id: string): Promise<TaskRecord | null>;
  listTasks(userId: number, limit: number): Promise<TaskRecord[]>;
  latestTask(userId: number): Promise<TaskRecord | null>;
  /** This node's tasks left pending/running by its previous process are failed with this reason; returns how many. */
  failUnfinishedTasks(nodeId: string, reason: string, at: number): Promise<number>;

  close(): Promise<void>;
}

/** Column order shared by both implementations. */
export const taskColumns = [
  'id',
  'user_id',
  'plugin',
  'params',
  'command',
  'state',
  'exit_code',
  'error',
  'stdout',
  'stderr',
  'truncated',
  'pid',
  'created_at',
  'started_at',
  'stopped_at',
  'node_id',
] as const;

const patchColumns: Record<keyof TaskPatch, string> = {
  command: 'command',
  state: 'state',
  exitCode: 'exit_code',
  error: 'error',
  stdout: 'stdout',
  stderr: 'stderr',
  truncated: 'truncated',
  pid: 'pid',
  startedAt: 'started_at',
  stoppedAt: 'stopped_at',
};
const jsonColumns = new Set(['command', 'stdout', 'stderr']);

/** Turns a patch into [column, value] pairs; the column names come from this fixed table, never from input. */
export function patchToColumns(patch: TaskPatch, encodeBool: (b: boolean) => unknown): [string, unknown][] {
  return Object.entries(patch).map(([key, value]) => {
    const column = patchColumns[key as keyof TaskPatch];
    if (!column) throw new Error(`unknown task field ${key}`);
    if (jsonColumns.has(column)) return [column, JSON.stringify(value)];
    if (typeof value === 'boolean') return [column, encodeBool(value)];
    return [column, value];
  });
}

export function taskToRow(t: TaskRecord, encodeBool: (b: boolean) => unknown): unknown[] {
  return [
    t.id,
    t.userId,
    t.plugin,
    JSON.stringify(t.params),
    JSON.stringify(t.command),
    t.state,
    t.exitCode,
    t.error,
    JSON.stringify(t.stdout),
    JSON.stringify(t.stderr),
    encodeBool(t.truncated),
    t.pid,
    t.createdAt,
    t.startedAt,
    t.stoppedAt,
    t.nodeId,
  ];
}

type Row = Record<string, unknown>;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const json = (v: unknown): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : (v as string[]));

export function rowToTask(r: Row): TaskRecord {
  return {
    id: String(r.id),
    userId: Number(r.user_id),
    plugin: String(r.plugin),
    params: json(r.params),
    command: json(r.command),
    state: r.state as TaskState,
    exitCode: num(r.exit_code),
    error: (r.error as string | null) ?? null,
    stdout: json(r.stdout),
    stderr: json(r.stderr),
    truncated: Boolean(r.truncated),
    pid: num(r.pid),
    createdAt: Number(r.created_at),
    startedAt: num(r.started_at),
    stoppedAt: num(r.stopped_at),
    nodeId: String(r.node_id ?? ''),
  };
}

export const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
