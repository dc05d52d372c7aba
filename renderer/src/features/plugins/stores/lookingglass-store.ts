import { create } from 'zustand';
import type {
  EventPayload,
  PluginInfo,
  RequestChannel,
  RequestInput,
  RequestOutput,
  TaskDetail,
  TaskSummary,
} from '../../../lib/contract.ts';
import type { ConsoleClient } from '../../../lib/transport/index.ts';
import { describeLookingGlassError, isUnauthorized } from './errors.ts';
import { readSession, saveSession, userIdOfToken, type Session } from './session-storage.ts';
import { appendLine, keepKnown, MAX_TASKS, mergeTasks, type OutputLine } from './task-list.ts';

export type PluginsView = RequestOutput<'lookingglass:plugins'>;
export type PluginFailure = PluginsView['failures'][number];
type Section = 'plugins' | 'tasks' | 'tags';

export interface LookingGlassState {
  session: Session | null;
  loginPending: boolean;
  /** Why the last login failed, or why the session ended (e.g. "Token is expired"). */
  loginError: string | null;
  /** null until the first answer after login. */
  plugins: PluginInfo[] | null;
  failures: PluginFailure[];
  tasks: TaskSummary[] | null;
  /** Live lines per task id, from `lookingglass:taskOutput`. */
  output: Record<string, OutputLine[]>;
  /** Full output of finished tasks, fetched when opened. */
  details: Record<string, TaskDetail>;
  expanded: Record<string, boolean>;
  tags: string[] | null;
  loadErrors: Partial<Record<Section, string>>;
  /** Keyed by action: `plugin:<name>`, `cancel:<id>`, `detail:<id>`, `rescan`, `run`, `tags`. */
  pending: Record<string, boolean>;
  errors: Record<string, string | undefined>;
  /** A tag that was already there: not an error, but worth saying. */
  tagNote: string | null;
}

const emptyData = {
  plugins: null,
  failures: [],
  tasks: null,
  output: {},
  details: {},
  expanded: {},
  tags: null,
  loadErrors: {},
  pending: {},
  errors: {},
  tagNote: null,
} satisfies Partial<LookingGlassState>;

export const useLookingGlassStore = create<LookingGlassState>()(() => ({
  session: readSession(),
  loginPending: false,
  loginError: null,
  ...emptyData,
}));

const get = useLookingGlassStore.getState;
const set = useLookingGlassStore.setState;

let client: ConsoleClient | null = null;
/** Bumped by every full view pushed or applied, so a list answer older than an event is dropped. */
let pluginsVersion = 0;
let tagsVersion = 0;

/** null: the answer is stale (the session changed or ended meanwhile) and must be dropped. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string } | null;

/** Calls a channel as the session's user; an UNAUTHORIZED answer ends the session with the service's message. */
export async function call<C extends RequestChannel>(
  channel: C,
  input: (token: string) => RequestInput<C>,
): Promise<Outcome<RequestOutput<C>>> {
  const session = get().session;
  const current = client;
  if (!session || !current) return null;
  const stale = () => get().session?.token !== session.token;
  try {
    const value = await current.invoke(channel, input(session.token));
    return stale() ? null : { ok: true, value };
  } catch (err) {
    if (stale()) return null;
    if (isUnauthorized(err)) {
      endSession(describeLookingGlassError(err));
      return null;
    }
    return { ok: false, message: describeLookingGlassError(err) };
  }
}

function endSession(message: string | null): void {
  saveSession(null);
  set({ session: null, loginPending: false, loginError: message, ...emptyData });
}

export function applyPluginsView(view: PluginsView): void {
  pluginsVersion++;
  set((s) => ({ plugins: view.plugins, failures: view.failures, loadErrors: { ...s.loadErrors, plugins: undefined } }));
}

export function applyTags(tags: string[]): void {
  tagsVersion++;
  set((s) => ({ tags, loadErrors: { ...s.loadErrors, tags: undefined } }));
}

/** Adds or updates tasks; the first task seen tells whose session this is if the token could not. */
export function applyTasks(incoming: TaskSummary[]): void {
  set((s) => {
    const tasks = mergeTasks(s.tasks ?? [], incoming);
    const session = s.session && s.session.userId === null && incoming[0] ? { ...s.session, userId: incoming[0].userId } : s.session;
    if (session !== s.session) saveSession(session);
    return {
      session,
      tasks,
      output: keepKnown(s.output, tasks),
      details: keepKnown(s.details, tasks),
      expanded: keepKnown(s.expanded, tasks),
    };
  });
}

function onTaskUpdated(task: EventPayload<'lookingglass:taskUpdated'>): void {
  const { session, tasks } = get();
  if (!session) return;
  // Every user's task events are broadcast; show this user's only.
  const mine = session.userId !== null ? task.userId === session.userId : Boolean(tasks?.some((t) => t.id === task.id));
  if (mine) applyTasks([task]);
}

function onTaskOutput({ taskId, stream, line }: EventPayload<'lookingglass:taskOutput'>): void {
  const { session, tasks } = get();
  if (!session || !tasks?.some((t) => t.id === taskId)) return;
  set((s) => ({ output: { ...s.output, [taskId]: appendLine(s.output[taskId], { stream, line }) } }));
}

async function loadSection<C extends RequestChannel>(
  section: Section,
  channel: C,
  input: (token: string) => RequestInput<C>,
  apply: (value: RequestOutput<C>) => void,
): Promise<void> {
  const outcome = await call(channel, input);
  if (outcome === null) return;
  if (outcome.ok) apply(outcome.value);
  else set((s) => ({ loadErrors: { ...s.loadErrors, [section]: outcome.message } }));
}

/** Fetches plugins, tasks and tags again (after login, on reconnect, when the pane opens). */
export async function refreshLookingGlass(): Promise<void> {
  if (!get().session || !client) return;
  const plugins = pluginsVersion;
  const tags = tagsVersion;
  await Promise.all([
    loadSection(
      'plugins',
      'lookingglass:plugins',
      (token) => ({ token }),
      (view) => {
        if (plugins === pluginsVersion) applyPluginsView(view);
      },
    ),
    loadSection(
      'tasks',
      'lookingglass:tasks',
      (token) => ({ token, limit: MAX_TASKS }),
      (list) => {
        applyTasks(list);
        set((s) => ({ loadErrors: { ...s.loadErrors, tasks: undefined } }));
      },
    ),
    loadSection(
      'tags',
      'lookingglass:tags',
      (token) => ({ token }),
      (list) => {
        if (tags === tagsVersion) applyTags(list);
      },
    ),
  ]);
}

/**
 * Binds the store to the transport while Looking Glass runs and the pane is open: pushed events, a refetch now
 * and whenever the event stream comes back. Returns the disconnect function.
 */
export function connectLookingGlass(next: ConsoleClient): () => void {
  client = next;
  const offs = [
    next.subscribe('lookingglass:taskUpdated', onTaskUpdated),
    next.subscribe('lookingglass:taskOutput', onTaskOutput),
    next.subscribe('lookingglass:pluginsChanged', (view) => {
      if (get().session) applyPluginsView(view);
    }),
    next.subscribe('lookingglass:tagsChanged', ({ tags }) => {
      if (get().session) applyTags(tags);
    }),
    next.onReconnect(() => void refreshLookingGlass()),
  ];
  void refreshLookingGlass();
  return () => {
    for (const off of offs) off();
    if (client === next) client = null;
  };
}

export async function logIn(username: string, password: string): Promise<void> {
  const current = client;
  if (!current || get().loginPending) return;
  set({ loginPending: true, loginError: null });
  try {
    const answer = await current.invoke('lookingglass:login', { username, password });
    const session: Session = { token: answer.token, username: answer.username, userId: userIdOfToken(answer.token) };
    saveSession(session);
    set({ session, loginPending: false, ...emptyData });
  } catch (err) {
    set({ loginPending: false, loginError: describeLookingGlassError(err) });
    return;
  }
  await refreshLookingGlass();
}

export function logOut(): void {
  endSession(null);
}

/** Back to a logged-out, empty store (tests). */
export function resetLookingGlassStore(): void {
  endSession(null);
}
