import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Logger } from '../../core/logger.ts';
import { LookingGlassError, type LookingGlass } from '../looking-glass.ts';
import type { TaskRecord } from '../storage/repository.ts';
import { sendJson, sendRedirectHome, sendUnauthorized, tagAdded, tagExists } from './responses.ts';

const LoginBody = z.object({ username: z.string().max(50), password: z.string().max(1024) });
const ExecuteBody = z.object({ params: z.array(z.string().max(1024)).max(16).nullish() });

type Authed = Request & { userId: number };

const parseError = (message: string) => ({ error: `failed to parse request with error: ${message}` });

/** go-cmd's Status, field for field, as the original `/task/result` returned it. */
export function goCmdStatus(t: TaskRecord) {
  const complete = t.state === 'finished' || t.state === 'failed' || t.state === 'cancelled';
  const ns = (ms: number | null) => (ms === null ? 0 : ms * 1_000_000);
  return {
    Cmd: t.command[0] ?? t.plugin,
    PID: t.pid ?? 0,
    Complete: complete,
    Exit: t.exitCode ?? -1,
    Error: t.error,
    StartTs: ns(t.startedAt),
    StopTs: ns(t.stoppedAt),
    Runtime: t.startedAt === null ? 0 : ((t.stoppedAt ?? Date.now()) - t.startedAt) / 1000,
    Stdout: t.stdout,
    Stderr: t.stderr,
  };
}

/** The original's `/task/status`: pending/running/finished 200, failed 500. */
export function taskStatus(t: TaskRecord): { status: number; body: Record<string, unknown> } {
  const base = { id: t.id, command: t.command };
  switch (t.state) {
    case 'pending':
    case 'running':
      return { status: 200, body: { cmdStatus: t.state, ...base } };
    case 'finished':
      return { status: 200, body: { cmdStatus: 'finished', ...base } };
    default:
      return { status: 500, body: { cmdStatus: 'failed', ...base, error: t.error ?? `exit status ${t.exitCode}` } };
  }
}

const wrap =
  (fn: (req: Authed, res: Response) => Promise<void> | void) =>
  (req: Request, res: Response, next: NextFunction): void => {
    Promise.resolve(fn(req as Authed, res)).catch(next);
  };

/** Every Looking Glass route except the fast path's, with the original's status codes and bodies. */
export function createLookingGlassApp(lg: LookingGlass, logger: Logger): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('json spaces', 0);
  const json = express.json({ limit: '64kb', strict: false, type: () => true });

  app.post(
    '/login',
    json,
    wrap(async (req, res) => {
      const body = LoginBody.safeParse(req.body);
      if (!body.success) return void sendJson(res, 400, parseError(body.error.issues[0]?.message ?? 'invalid body'));
      sendJson(res, 200, { token: await lg.login(body.data.username, body.data.password) });
    }),
  );

  // Everything below needs a bearer token (OPTIONS excepted, as in the original).
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'OPTIONS') return void res.sendStatus(204);
    const auth = lg.authorize(req.headers.authorization);
    if (!auth.ok) return sendUnauthorized(res, auth.message);
    (req as Authed).userId = auth.userId;
    next();
  });

  app.get('/', (_req, res) => sendRedirectHome(res));
  app.get('/home', (_req, res) => sendJson(res, 200, { message: 'Welcome Home!' }));

  app.get('/plugins', (_req, res) => sendJson(res, 200, lg.listPlugins()));
  app.get('/plugins/status/:plugin', (req, res) => {
    const info = lg.pluginInfo(String(req.params.plugin));
    sendJson(res, 200, { pluginStatus: info.enabled ? 'enabled' : 'disabled', available: info.available, detail: info.detail });
  });
  app.post(
    '/plugins/rescan',
    wrap(async (_req, res) => sendJson(res, 200, await lg.rescanPlugins())),
  );
  for (const action of ['enable', 'disable'] as const) {
    app.post(
      `/plugins/${action}/:plugin`,
      wrap(async (req, res) => {
        await lg.setPluginEnabled(String(req.params.plugin), action === 'enable');
        sendJson(res, 200, { success: true });
      }),
    );
  }
  app.post(
    '/plugins/execute/:plugin',
    wrap(async (req, res) => {
      const name = String(req.params.plugin);
      lg.pluginInfo(name); // unknown plugin → 404 before the body is read, as the original resolved it first
      await new Promise<void>((resolve, reject) => json(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
      const body = ExecuteBody.safeParse(req.body);
      if (!body.success) return void sendJson(res, 400, parseError(body.error.issues[0]?.message ?? 'invalid body'));
      const task = await lg.execute(req.userId, name, body.data.params ?? []);
      sendJson(res, 202, { message: 'success', taskId: task.id });
    }),
  );

  app.get(
    '/tags',
    wrap(async (_req, res) => sendJson(res, 200, { tags: await lg.listTags() })),
  );
  app.put(
    '/tags/:tag',
    wrap(async (req, res) => {
      const { tag, added } = await lg.addTag(String(req.params.tag));
      sendJson(res, added ? 201 : 200, added ? tagAdded(tag) : tagExists(tag));
    }),
  );
  app.delete(
    '/tags/:tag',
    wrap(async (req, res) => {
      await lg.removeTag(String(req.params.tag));
      res.status(204).end();
    }),
  );

  const latest = async (req: Authed): Promise<TaskRecord> => {
    const task = await lg.latestTask(req.userId);
    if (!task) throw new LookingGlassError(400, 'no previous task exists');
    return task;
  };
  app.get(
    '/task/status',
    wrap(async (req, res) => {
      const { status, body } = taskStatus(await latest(req));
      sendJson(res, status, body);
    }),
  );
  app.get(
    '/task/result',
    wrap(async (req, res) => {
      const task = await latest(req);
      sendJson(res, 200, { id: task.id, result: goCmdStatus(task) });
    }),
  );

  const Limit = z.coerce.number().int().min(1).max(500).default(50);
  app.get(
    '/tasks',
    wrap(async (req, res) => {
      const limit = Limit.safeParse(req.query.limit ?? undefined);
      if (!limit.success) return void sendJson(res, 400, { error: 'limit must be a whole number from 1 to 500' });
      sendJson(res, 200, { tasks: await lg.listTasks(req.userId, limit.data) });
    }),
  );
  app.get(
    '/tasks/:id',
    wrap(async (req, res) => {
      const task = await lg.task(req.userId, String(req.params.id));
      sendJson(res, 200, { task, status: taskStatus(task).body.cmdStatus, result: goCmdStatus(task) });
    }),
  );
  app.delete(
    '/tasks/:id',
    wrap(async (req, res) => sendJson(res, 200, { task: await lg.cancelTask(req.userId, String(req.params.id)) })),
  );

  app.use((_req: Request, res: Response) => sendJson(res, 404, { error: 'not found' }));

  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof LookingGlassError) return sendJson(res, err.status, { error: err.message });
    if (err.type === 'entity.too.large') return sendJson(res, 413, { error: 'request body too large' });
    if (err.type === 'entity.parse.failed' || err.status === 400) return sendJson(res, 400, parseError(err.message));
    // Any other refusal of the body (415 for an unsupported charset or encoding, …) keeps its status.
    if (err.status && err.status >= 400 && err.status < 500) return sendJson(res, err.status, { error: err.message });
    logger.error({ err }, 'request failed');
    sendJson(res, 500, { error: 'internal error' });
  });
  return app;
}
