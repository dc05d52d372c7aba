import type { RequestChannel, RequestInput, RequestOutput } from '../../../lib/contract.ts';
import { applyPluginsView, applyTags, applyTasks, call, useLookingGlassStore } from './lookingglass-store.ts';

const { getState: get, setState: set } = useLookingGlassStore;

/** Runs one call under a pending key; its error is kept under the same key until the next try. */
async function track<C extends RequestChannel>(
  key: string,
  channel: C,
  input: (token: string) => RequestInput<C>,
  apply: (value: RequestOutput<C>) => void,
): Promise<boolean> {
  if (get().pending[key]) return false;
  set((s) => ({ pending: { ...s.pending, [key]: true }, errors: { ...s.errors, [key]: undefined } }));
  const outcome = await call(channel, input);
  if (outcome?.ok) apply(outcome.value);
  set((s) => ({
    pending: { ...s.pending, [key]: false },
    errors: { ...s.errors, [key]: outcome && !outcome.ok ? outcome.message : undefined },
  }));
  return outcome?.ok ?? false;
}

/** "  -c 3   8.8.8.8 " → ["-c", "3", "8.8.8.8"]; blank → []. */
export function splitParams(text: string): string[] {
  return text.split(/\s+/).filter((part) => part !== '');
}

export const setPluginEnabled = (name: string, enabled: boolean): Promise<boolean> =>
  track(
    `plugin:${name}`,
    'lookingglass:setPluginEnabled',
    (token) => ({ token, name, enabled }),
    (info) => set((s) => ({ plugins: s.plugins?.map((p) => (p.name === info.name ? info : p)) ?? [info] })),
  );

export const rescanPlugins = (): Promise<boolean> =>
  track('rescan', 'lookingglass:rescanPlugins', (token) => ({ token }), applyPluginsView);

/** Starts a task; the new task opens so its output streams in view. */
export const runPlugin = (plugin: string, paramsText: string): Promise<boolean> =>
  track(
    'run',
    'lookingglass:execute',
    (token) => ({ token, plugin, params: splitParams(paramsText) }),
    (task) => {
      applyTasks([task]);
      set((s) => ({ expanded: { ...s.expanded, [task.id]: true } }));
    },
  );

export const cancelTask = (id: string): Promise<boolean> =>
  track(
    `cancel:${id}`,
    'lookingglass:cancelTask',
    (token) => ({ token, id }),
    (task) => applyTasks([task]),
  );

/** The full stored output of a finished task, once. */
export function loadTaskDetail(id: string): Promise<boolean> {
  if (get().details[id]) return Promise.resolve(true);
  return track(
    `detail:${id}`,
    'lookingglass:task',
    (token) => ({ token, id }),
    (detail) => {
      const { stdout: _stdout, stderr: _stderr, truncated: _truncated, ...summary } = detail;
      applyTasks([summary]);
      set((s) => ({ details: { ...s.details, [id]: detail } }));
    },
  );
}

export function setExpanded(id: string, open: boolean): void {
  set((s) => ({ expanded: { ...s.expanded, [id]: open } }));
}

export function addTag(tag: string): Promise<boolean> {
  set({ tagNote: null });
  return track(
    'tags',
    'lookingglass:addTag',
    (token) => ({ token, tag }),
    ({ added, tags }) => {
      applyTags(tags);
      if (!added) set({ tagNote: `"${tag.trim()}" is already a tag.` });
    },
  );
}

export function removeTag(tag: string): Promise<boolean> {
  set({ tagNote: null });
  return track(
    'tags',
    'lookingglass:removeTag',
    (token) => ({ token, tag }),
    ({ tags }) => applyTags(tags),
  );
}
