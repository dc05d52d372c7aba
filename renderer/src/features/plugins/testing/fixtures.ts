import type { PluginInfo, TaskDetail, TaskSummary } from '../../../lib/contract.ts';
import { createMemoryClient, RpcCallError, type MemoryClient, type MemoryHandlers } from '../../../lib/transport/index.ts';

const b64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A token shaped like the service's (HS512 JWT, user id in `jti`); nothing here verifies it. */
export function jwtFor(userId: number): string {
  return `Bearer ${b64url({ alg: 'HS512', typ: 'JWT' })}.${b64url({ jti: userId, iat: 1, exp: 2 })}.signature`;
}
export const TOKEN = jwtFor(1);

export function pluginInfo(name: string, patch: Partial<PluginInfo> = {}): PluginInfo {
  return { name, description: `${name} does its check`, paramsHelp: `<host>`, enabled: true, available: true, detail: null, ...patch };
}

let seq = 0;
export function taskSummary(patch: Partial<TaskSummary> = {}): TaskSummary {
  seq++;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    userId: 1,
    plugin: 'ping',
    params: ['example.com'],
    command: ['ping', 'example.com'],
    state: 'pending',
    exitCode: null,
    error: null,
    createdAt: 1_700_000_000_000 + seq,
    startedAt: null,
    stoppedAt: null,
    ...patch,
  };
}

export const taskDetail = (task: TaskSummary, stdout: string[], stderr: string[] = []): TaskDetail => ({
  ...task,
  stdout,
  stderr,
  truncated: false,
});

/** A Looking Glass backend in memory: password "secret", plugins ping and dns, tag "edge". */
export function lookingGlassClient(overrides: MemoryHandlers = {}): MemoryClient {
  let plugins = [pluginInfo('ping'), pluginInfo('dns', { paramsHelp: '<name> [type]' })];
  let tags = ['edge'];
  return createMemoryClient({
    'lookingglass:login': ({ username, password }) => {
      if (password !== 'secret') throw new RpcCallError('lookingglass:login', { code: 'UNAUTHORIZED', message: 'incorrect password' });
      return { token: TOKEN, username };
    },
    'lookingglass:plugins': () => ({ plugins, failures: [] }),
    'lookingglass:tasks': () => [],
    'lookingglass:tags': () => tags,
    'lookingglass:setPluginEnabled': ({ name, enabled }) => {
      plugins = plugins.map((p) => (p.name === name ? { ...p, enabled } : p));
      return plugins.find((p) => p.name === name)!;
    },
    'lookingglass:execute': ({ plugin, params }) => taskSummary({ plugin, params, command: [plugin, ...params] }),
    'lookingglass:addTag': ({ tag }) => {
      const added = !tags.includes(tag);
      if (added) tags = [...tags, tag];
      return { added, tags };
    },
    'lookingglass:removeTag': ({ tag }) => {
      tags = tags.filter((t) => t !== tag);
      return { removed: true, tags };
    },
    ...overrides,
  });
}
