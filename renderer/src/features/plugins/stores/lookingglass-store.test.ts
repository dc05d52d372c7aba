// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RpcCallError } from '../../../lib/transport/index.ts';
import { jwtFor, lookingGlassClient, pluginInfo, TOKEN, taskSummary } from '../testing/fixtures.ts';
import { splitParams } from './actions.ts';
import { connectLookingGlass, logIn, resetLookingGlassStore, useLookingGlassStore } from './lookingglass-store.ts';
import { readSession, saveSession, sessionStorageKey, userIdOfToken } from './session-storage.ts';
import { appendLine, MAX_OUTPUT_LINES, MAX_TASKS, mergeTasks } from './task-list.ts';

let disconnect: (() => void) | undefined;
afterEach(() => {
  disconnect?.();
  disconnect = undefined;
  resetLookingGlassStore();
});

const state = () => useLookingGlassStore.getState();

async function loggedIn(client: ReturnType<typeof lookingGlassClient>) {
  disconnect = connectLookingGlass(client);
  await logIn('admin', 'secret');
  await vi.waitFor(() => expect(state().tasks).not.toBeNull());
}

describe('task list helpers', () => {
  it('keeps the newest tasks first, bounded, and never moves a task back to an earlier state', () => {
    const old = taskSummary({ createdAt: 1 });
    const running = taskSummary({ createdAt: 2, state: 'running' });
    let list = mergeTasks([], [old, running]);
    expect(list.map((t) => t.id)).toEqual([running.id, old.id]);
    list = mergeTasks(list, [{ ...running, state: 'pending' }]);
    expect(list[0]?.state).toBe('running');
    list = mergeTasks(list, [{ ...running, state: 'finished', exitCode: 0 }]);
    expect(list[0]).toMatchObject({ state: 'finished', exitCode: 0 });

    const many = Array.from({ length: MAX_TASKS + 5 }, (_, i) => taskSummary({ createdAt: 100 + i }));
    const bounded = mergeTasks(list, many);
    expect(bounded).toHaveLength(MAX_TASKS);
    expect(bounded[0]?.createdAt).toBe(100 + MAX_TASKS + 4);
  });

  it('keeps the last lines of output only', () => {
    let lines = appendLine(undefined, { stream: 'stdout', line: 'first' });
    for (let i = 0; i < MAX_OUTPUT_LINES + 10; i++) lines = appendLine(lines, { stream: 'stdout', line: `line ${i}` });
    expect(lines).toHaveLength(MAX_OUTPUT_LINES);
    expect(lines.at(-1)?.line).toBe(`line ${MAX_OUTPUT_LINES + 9}`);
  });

  it('splits params on whitespace and reads the user id from the token', () => {
    expect(splitParams('  -c 3\t example.com  ')).toEqual(['-c', '3', 'example.com']);
    expect(splitParams('   ')).toEqual([]);
    expect(userIdOfToken(jwtFor(42))).toBe(42);
    expect(userIdOfToken('Bearer not-a-jwt')).toBeNull();
  });
});

describe('looking glass store', () => {
  it('logs in, keeps the session in sessionStorage and loads plugins, tasks and tags with the token', async () => {
    const client = lookingGlassClient();
    await loggedIn(client);
    expect(state().session).toEqual({ token: TOKEN, username: 'admin', userId: 1 });
    expect(JSON.parse(sessionStorage.getItem(sessionStorageKey)!)).toMatchObject({ token: TOKEN });
    expect(client.calls.filter((c) => c.channel !== 'lookingglass:login')).toEqual(
      expect.arrayContaining([
        { channel: 'lookingglass:plugins', input: { token: TOKEN } },
        { channel: 'lookingglass:tasks', input: { token: TOKEN, limit: MAX_TASKS } },
        { channel: 'lookingglass:tags', input: { token: TOKEN } },
      ]),
    );
  });

  it('shows only this user’s pushed tasks, and output of known tasks only', async () => {
    const client = lookingGlassClient();
    await loggedIn(client);
    const mine = taskSummary({ state: 'running', startedAt: Date.now() });
    const theirs = taskSummary({ userId: 2, state: 'running' });
    client.push('lookingglass:taskUpdated', mine);
    client.push('lookingglass:taskUpdated', theirs);
    client.push('lookingglass:taskOutput', { taskId: mine.id, stream: 'stdout', line: 'hello', at: 1 });
    client.push('lookingglass:taskOutput', { taskId: theirs.id, stream: 'stdout', line: 'secret', at: 1 });
    expect(state().tasks?.map((t) => t.id)).toEqual([mine.id]);
    expect(state().output).toEqual({ [mine.id]: [{ stream: 'stdout', line: 'hello' }] });
  });

  it('refetches on reconnect, and a pushed view wins over a list answer that was in flight', async () => {
    let answer: (v: { plugins: ReturnType<typeof pluginInfo>[]; failures: [] }) => void = () => {};
    let first = true;
    const client = lookingGlassClient({
      'lookingglass:plugins': () => {
        if (first) {
          first = false;
          return { plugins: [pluginInfo('ping')], failures: [] };
        }
        return new Promise((resolve) => (answer = resolve));
      },
    });
    await loggedIn(client);
    await vi.waitFor(() => expect(state().plugins).toHaveLength(1));

    client.reconnect();
    expect(client.calls.filter((c) => c.channel === 'lookingglass:tasks')).toHaveLength(2);
    client.push('lookingglass:pluginsChanged', { plugins: [pluginInfo('ping', { enabled: false })], failures: [] });
    answer({ plugins: [pluginInfo('ping')], failures: [] });
    await new Promise((resolve) => setTimeout(resolve, 0)); // the late answer settles
    expect(state().plugins?.[0]?.enabled).toBe(false);
  });

  it('ends the session with the service’s message when the token is refused', async () => {
    const client = lookingGlassClient({
      'lookingglass:tasks': () => {
        throw new RpcCallError('lookingglass:tasks', { code: 'UNAUTHORIZED', message: 'Token is expired' });
      },
    });
    disconnect = connectLookingGlass(client);
    await logIn('admin', 'secret');
    await vi.waitFor(() => expect(state().session).toBeNull());
    expect(state().loginError).toBe('Token is expired');
    expect(sessionStorage.getItem(sessionStorageKey)).toBeNull();
    expect(state().plugins).toBeNull();
  });
});

describe('session storage', () => {
  it('restores a saved session and ignores a malformed one', () => {
    saveSession({ token: TOKEN, username: 'admin', userId: 1 });
    expect(readSession()).toEqual({ token: TOKEN, username: 'admin', userId: 1 });
    sessionStorage.setItem(sessionStorageKey, '{"token":');
    expect(readSession()).toBeNull();
    saveSession(null);
    expect(sessionStorage.getItem(sessionStorageKey)).toBeNull();
  });
});
