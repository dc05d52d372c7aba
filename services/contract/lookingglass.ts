import { z } from 'zod';

export const PluginInfo = z.object({
  name: z.string(),
  description: z.string(),
  paramsHelp: z.string(),
  enabled: z.boolean(),
  available: z.boolean(),
  detail: z.string().nullable(),
});
export type PluginInfo = z.infer<typeof PluginInfo>;

export const PluginLoadFailure = z.object({ name: z.string(), dir: z.string(), error: z.string() });

export const TaskStateName = z.enum(['pending', 'running', 'finished', 'failed', 'cancelled']);

export const TaskSummary = z.object({
  id: z.string(),
  userId: z.number(),
  plugin: z.string(),
  params: z.array(z.string()),
  command: z.array(z.string()),
  state: TaskStateName,
  exitCode: z.number().nullable(),
  error: z.string().nullable(),
  createdAt: z.number(),
  startedAt: z.number().nullable(),
  stoppedAt: z.number().nullable(),
});
export type TaskSummary = z.infer<typeof TaskSummary>;

export const TaskDetail = TaskSummary.extend({ stdout: z.array(z.string()), stderr: z.array(z.string()), truncated: z.boolean() });
export type TaskDetail = z.infer<typeof TaskDetail>;

export const TaskOutput = z.object({ taskId: z.string(), stream: z.enum(['stdout', 'stderr']), line: z.string(), at: z.number() });
export type TaskOutput = z.infer<typeof TaskOutput>;

/** A Looking Glass bearer token (as `POST /login` returns it, with or without "Bearer "). */
const Session = { token: z.string().min(1).max(4096) };
const PluginName = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'a plugin name: letters, digits, _ and -');
const Tag = z.string().trim().min(1, 'empty tag is not allowed').max(200);

export const PluginsView = z.object({ plugins: z.array(PluginInfo), failures: z.array(PluginLoadFailure) });

export const lookingglassRequests = {
  'lookingglass:login': {
    input: z.object({ username: z.string().min(1).max(50), password: z.string().min(1).max(1024) }).strict(),
    output: z.object({ token: z.string(), username: z.string() }),
  },
  'lookingglass:plugins': { input: z.object(Session).strict(), output: PluginsView },
  'lookingglass:rescanPlugins': { input: z.object(Session).strict(), output: PluginsView },
  'lookingglass:setPluginEnabled': { input: z.object({ ...Session, name: PluginName, enabled: z.boolean() }).strict(), output: PluginInfo },
  'lookingglass:execute': {
    input: z.object({ ...Session, plugin: PluginName, params: z.array(z.string().max(1024)).max(16) }).strict(),
    output: TaskSummary,
  },
  'lookingglass:tasks': {
    input: z.object({ ...Session, limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(TaskSummary),
  },
  'lookingglass:task': { input: z.object({ ...Session, id: z.string().uuid() }).strict(), output: TaskDetail },
  'lookingglass:cancelTask': { input: z.object({ ...Session, id: z.string().uuid() }).strict(), output: TaskSummary },
  'lookingglass:tags': { input: z.object(Session).strict(), output: z.array(z.string()) },
  'lookingglass:addTag': {
    input: z.object({ ...Session, tag: Tag }).strict(),
    output: z.object({ added: z.boolean(), tags: z.array(z.string()) }),
  },
  'lookingglass:removeTag': {
    input: z.object({ ...Session, tag: Tag }).strict(),
    output: z.object({ removed: z.boolean(), tags: z.array(z.string()) }),
  },
} as const;

export const lookingglassEvents = {
  'lookingglass:taskUpdated': TaskSummary,
  'lookingglass:taskOutput': TaskOutput,
  'lookingglass:pluginsChanged': PluginsView,
  'lookingglass:tagsChanged': z.object({ tags: z.array(z.string()) }),
} as const;
