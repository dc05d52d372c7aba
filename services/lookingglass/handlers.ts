import type { TaskSummary } from '../contract/index.ts';
import { AppError, codeOfStatus } from '../core/errors.ts';
import type { Handlers } from '../core/router.ts';
import type { Supervisor } from '../core/supervisor.ts';
import { LookingGlassError, type LookingGlass } from './looking-glass.ts';
import { toTaskSummary } from './tasks.ts';

type LookingGlassChannel = Extract<keyof Handlers, `lookingglass:${string}`>;

/** The console acts as a Looking Glass client: every call but login carries the user's token. */
export function lookingGlassHandlers(supervisor: Supervisor): Pick<Handlers, LookingGlassChannel> {
  const running = (): LookingGlass => {
    const lg = supervisor.api('lookingglass') as LookingGlass | null;
    if (!lg) throw new AppError('UNAVAILABLE', 'Looking Glass is not running');
    return lg;
  };
  /** Runs `fn` as the token's user; the service's refusals keep their message. */
  const as = async <T>(token: string, fn: (lg: LookingGlass, userId: number) => Promise<T> | T): Promise<T> => {
    const lg = running();
    const auth = lg.authorize(/^bearer /i.test(token) ? token : `Bearer ${token}`);
    if (!auth.ok) throw new AppError('UNAUTHORIZED', auth.message);
    try {
      return await fn(lg, auth.userId);
    } catch (err) {
      if (err instanceof LookingGlassError) throw new AppError(codeOfStatus(err.status), err.message);
      throw err;
    }
  };
  const summary = (t: Parameters<typeof toTaskSummary>[0]): TaskSummary => toTaskSummary(t);

  return {
    'lookingglass:login': async ({ username, password }) => {
      try {
        return { token: await running().login(username, password), username };
      } catch (err) {
        if (err instanceof LookingGlassError) throw new AppError(codeOfStatus(err.status), err.message);
        throw err;
      }
    },
    'lookingglass:plugins': ({ token }) => as(token, (lg) => lg.listPlugins()),
    'lookingglass:rescanPlugins': ({ token }) => as(token, (lg) => lg.rescanPlugins()),
    'lookingglass:setPluginEnabled': ({ token, name, enabled }) => as(token, (lg) => lg.setPluginEnabled(name, enabled)),
    'lookingglass:execute': ({ token, plugin, params }) =>
      as(token, async (lg, userId) => summary(await lg.execute(userId, plugin, params))),
    'lookingglass:tasks': ({ token, limit }) => as(token, async (lg, userId) => (await lg.listTasks(userId, limit)).map(summary)),
    'lookingglass:task': ({ token, id }) =>
      as(token, async (lg, userId) => {
        const t = await lg.task(userId, id);
        return { ...summary(t), stdout: t.stdout, stderr: t.stderr, truncated: t.truncated };
      }),
    'lookingglass:cancelTask': ({ token, id }) => as(token, async (lg, userId) => summary(await lg.cancelTask(userId, id))),
    'lookingglass:tags': ({ token }) => as(token, (lg) => lg.listTags()),
    'lookingglass:addTag': ({ token, tag }) =>
      as(token, async (lg) => ({ added: (await lg.addTag(tag)).added, tags: await lg.listTags() })),
    'lookingglass:removeTag': ({ token, tag }) =>
      as(token, async (lg) => {
        await lg.removeTag(tag);
        return { removed: true, tags: await lg.listTags() };
      }),
  };
}
