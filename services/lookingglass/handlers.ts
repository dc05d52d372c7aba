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
  /** The service's refusals reach the console with their message and a matching code. */
  const translated = async <T>(fn: () => Promise<T> | T): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof LookingGlassError) throw new AppError(codeOfStatus(err.status), err.message);
      throw err;
    }
  };
  /** Runs `fn` as the token's user. */
  const as = <T>(token: string, fn: (lg: LookingGlass, userId: number) => Promise<T> | T): Promise<T> => {
    const lg = running();
    const auth = lg.authorize(/^bearer /i.test(token) ? token : `Bearer ${token}`);
    if (!auth.ok) return Promise.reject(new AppError('UNAUTHORIZED', auth.message));
    return translated(() => fn(lg, auth.userId));
  };

  return {
    'lookingglass:login': ({ username, password }) =>
      translated(async () => ({ token: await running().login(username, password), username })),
    'lookingglass:plugins': ({ token }) => as(token, (lg) => lg.listPlugins()),
    'lookingglass:rescanPlugins': ({ token }) => as(token, (lg) => lg.rescanPlugins()),
    'lookingglass:setPluginEnabled': ({ token, name, enabled }) => as(token, (lg) => lg.setPluginEnabled(name, enabled)),
    'lookingglass:execute': ({ token, plugin, params }) =>
      as(token, async (lg, userId) => toTaskSummary(await lg.execute(userId, plugin, params))),
    'lookingglass:tasks': ({ token, limit }) =>
      as(token, async (lg, userId) => (await lg.listTasks(userId, limit)).map((t) => toTaskSummary(t))),
    'lookingglass:task': ({ token, id }) =>
      as(token, async (lg, userId) => {
        const t = await lg.task(userId, id);
        return { ...toTaskSummary(t), stdout: t.stdout, stderr: t.stderr, truncated: t.truncated };
      }),
    'lookingglass:cancelTask': ({ token, id }) => as(token, async (lg, userId) => toTaskSummary(await lg.cancelTask(userId, id))),
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
