import { PluginDisabledError, PluginParamError } from '../../plugins/runner.ts';
import type { PluginInfo } from '../contract/index.ts';
import type { EventBus } from '../core/events.ts';
import type { Logger } from '../core/logger.ts';
import { verifyPassword, type AuthResult, type TokenService } from './auth.ts';
import type { PluginCatalog } from './plugin-catalog.ts';
import type { LookingGlassRepository, TaskRecord } from './storage/repository.ts';
import { QueueFullError, type TaskRunner } from './tasks.ts';
import type { TagMirror } from './workers/pool.ts';

/** A refusal with the HTTP status and the message the original API gives for it. */
export class LookingGlassError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'LookingGlassError';
    this.status = status;
  }
}

export interface LookingGlassDeps {
  repo: LookingGlassRepository;
  tokens: TokenService;
  plugins: PluginCatalog;
  tasks: TaskRunner;
  bus: EventBus;
  logger: Logger;
}

/** The Looking Glass domain: login, tags, plugins and tasks. HTTP routes and console handlers both call it. */
export function createLookingGlass(deps: LookingGlassDeps) {
  const { repo, tokens, plugins, tasks, bus, logger } = deps;

  function plugin(name: string) {
    const runner = plugins.get(name);
    if (!runner) throw new LookingGlassError(404, `plugin "${name}" not found`);
    return runner;
  }

  async function task(userId: number, id: string): Promise<TaskRecord> {
    const found = tasks.live(id) ?? (await repo.getTask(id));
    // Another user's task is "not found": ids are not a way to read others' output.
    if (!found || found.userId !== userId) throw new LookingGlassError(404, `task "${id}" not found`);
    return found;
  }

  let tagMirror: TagMirror | null = null;
  const publishPlugins = () => bus.emit('lookingglass:pluginsChanged', plugins.view());
  const publishTags = async () => bus.emit('lookingglass:tagsChanged', { tags: await repo.listTags() });

  return {
    authorize: (header: string | undefined): AuthResult => tokens.authorize(header),

    async login(username: string, password: string): Promise<string> {
      const user = await repo.findUser(username);
      if (!user) throw new LookingGlassError(404, 'user not found');
      let ok: boolean;
      try {
        ok = await verifyPassword(password, user.passwordHash);
      } catch (err) {
        logger.error({ err, user: user.username }, 'stored password hash is unreadable');
        throw new LookingGlassError(500, 'stored password hash is unreadable');
      }
      if (!ok) throw new LookingGlassError(401, 'incorrect password');
      return `Bearer ${tokens.issue(user.id)}`;
    },

    listPlugins: () => plugins.view(),
    pluginInfo: (name: string): PluginInfo => plugins.info(plugin(name)),

    async rescanPlugins() {
      await plugins.scan();
      publishPlugins();
      return plugins.view();
    },

    async setPluginEnabled(name: string, enabled: boolean): Promise<PluginInfo> {
      const runner = plugin(name);
      if (enabled) runner.enable();
      else {
        runner.disable();
        const failed = await tasks.failQueuedOf(name);
        if (failed > 0) logger.info({ plugin: name, failed }, 'disabled plugin: failed its queued tasks');
      }
      publishPlugins();
      return plugins.info(runner);
    },

    async execute(userId: number, name: string, params: string[]): Promise<TaskRecord> {
      const runner = plugin(name);
      if (!runner.status().enabled) throw new LookingGlassError(404, `plugin ${name} is disabled.`);
      let normalised: string[];
      try {
        normalised = runner.validate(params);
      } catch (err) {
        if (err instanceof PluginParamError) throw new LookingGlassError(400, err.message);
        throw err;
      }
      try {
        return await tasks.submit(userId, runner, normalised);
      } catch (err) {
        if (err instanceof QueueFullError) throw new LookingGlassError(503, err.message);
        if (err instanceof PluginDisabledError) throw new LookingGlassError(404, `plugin ${name} is disabled.`);
        throw err;
      }
    },

    /** The caller's latest task, with the output so far while it runs (as go-cmd's status had it). */
    async latestTask(userId: number): Promise<TaskRecord | null> {
      const latest = await repo.latestTask(userId);
      return latest && (tasks.live(latest.id) ?? latest);
    },
    listTasks: (userId: number, limit: number) => repo.listTasks(userId, limit),
    task,

    async cancelTask(userId: number, id: string): Promise<TaskRecord> {
      const found = await task(userId, id);
      if (found.state === 'pending' || found.state === 'running') await tasks.cancel(id);
      return (await repo.getTask(id)) ?? found;
    },

    listTags: () => repo.listTags(),

    /** The PUT /tags fast path: the trimmed tag when it is known to exist already, else null (then call addTag). */
    existingTag(raw: string): string | null {
      const tag = raw.trim();
      return tag && repo.hasTagCached(tag) ? tag : null;
    },

    async addTag(raw: string): Promise<{ tag: string; added: boolean }> {
      const tag = raw.trim();
      if (!tag) throw new LookingGlassError(400, 'empty tag is not allowed');
      const added = await repo.addTag(tag);
      if (added) {
        tagMirror?.added(tag);
        await publishTags();
      }
      return { tag, added };
    },

    async removeTag(raw: string): Promise<string> {
      const tag = raw.trim();
      if (!tag) throw new LookingGlassError(400, 'empty tag is not allowed');
      // Worker processes forget the tag before it goes: none may still call it existing afterwards.
      await tagMirror?.removing(tag);
      try {
        if (!(await repo.removeTag(tag))) throw new LookingGlassError(404, `tag "${tag}" not found`);
      } finally {
        tagMirror?.removed(tag);
      }
      await publishTags();
      return tag;
    },

    /** Keeps worker processes' tag lists in step (only for an embedded store, which no one else writes). */
    mirrorTagsTo(mirror: TagMirror): void {
      tagMirror = mirror;
    },
  };
}

export type LookingGlass = ReturnType<typeof createLookingGlass>;
