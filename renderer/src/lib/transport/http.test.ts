// Runs in Node against a real console server: global fetch and the `ws` package's WebSocket are passed in.
/* eslint-disable no-restricted-imports -- the test starts the real core and server; app code imports only services/contract */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../../services/core/compose.ts';
import { loadConfig } from '../../../../services/core/config.ts';
import type { ServiceModule } from '../../../../services/core/service.ts';
import { startConsoleServer, type ConsoleServer } from '../../../../services/server/console-server.ts';
import type { ServiceInfo } from '../contract.ts';
import { RpcCallError } from './errors.ts';
import { createHttpClient, type HttpClientOptions } from './http.ts';
import { takeToken } from './token.ts';
import type { ConsoleClient } from './types.ts';

const token = 'test-token_0123456789';
/** A built service that starts instantly, so a start travels through the real supervisor and bus. */
const fakeComet: ServiceModule = {
  name: 'comet',
  title: 'Comet',
  description: 'fake load balancer',
  start: async () => ({ url: 'http://127.0.0.1:5050', endpoints: { 'comet-lb': 'http://127.0.0.1:5050' }, stop: async () => {} }),
};

let dataDir: string;
let core: Core;
let server: ConsoleServer;
const clients: ConsoleClient[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'observatory-renderer-'));
  core = createCore(loadConfig({ flags: { dataDir, consolePort: 0, logLevel: 'silent' } }), { modules: [fakeComet] });
  server = await startConsoleServer(core, { host: '127.0.0.1', port: 0, token, rendererDir: null });
});
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});
afterAll(async () => {
  await server.close();
  await core.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

function client(overrides: Partial<HttpClientOptions> = {}): ConsoleClient {
  const created = createHttpClient({
    token,
    location: new URL(server.url),
    fetch: globalThis.fetch,
    WebSocket,
    backoff: { initialMs: 20, maxMs: 100 },
    ...overrides,
  });
  clients.push(created);
  return created;
}

async function rejection(promise: Promise<unknown>): Promise<RpcCallError> {
  const err = await promise.then(
    () => expect.unreachable('the call should have failed'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RpcCallError);
  return err as RpcCallError;
}

describe('HTTP + WebSocket transport against the console server', () => {
  it('takes the token from the printed URL and wipes it from the address bar', () => {
    const location = new URL(server.openUrl);
    const replaceState = vi.fn();
    const stored = new Map<string, string>();
    const storage = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) };
    expect(takeToken(location, { state: null, replaceState }, storage)).toBe(token);
    expect(replaceState).toHaveBeenCalledWith(null, '', '/');
    // A reload (no fragment any more) finds it in sessionStorage.
    expect(takeToken(new URL(server.url), { state: null, replaceState }, storage)).toBe(token);
  });

  it('sends the bearer token as JSON and unwraps the result', async () => {
    const fetchSpy = vi.fn(globalThis.fetch);
    const services = await client({ fetch: fetchSpy }).invoke('services:list', {});
    expect(services.map((s) => s.name)).toEqual(['lookingglass', 'comet', 'slowking', 'tasker', 'varidb']);
    expect(services.find((s) => s.name === 'varidb')).toMatchObject({ built: false, state: 'unavailable' });

    const [url, init] = fetchSpy.mock.calls[0]!;
    expect(String(url)).toBe(`${server.url}/rpc/services%3Alist`);
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });

    const info = await client().invoke('app:info', {});
    expect(info).toMatchObject({ mode: 'web', dataDir });
  });

  it('turns { ok: false } envelopes into errors carrying code, message and issues', async () => {
    const unauthorized = await rejection(client({ token: 'wrong' }).invoke('services:list', {}));
    expect(unauthorized.code).toBe('UNAUTHORIZED');

    const unavailable = await rejection(client().invoke('services:start', { name: 'varidb' }));
    expect(unavailable).toMatchObject({ code: 'UNAVAILABLE', message: 'VariDB is not built yet', channel: 'services:start' });

    const invalid = await rejection(client().invoke('services:start', { name: 'nope' } as never));
    expect(invalid.code).toBe('INVALID_INPUT');
    expect(Array.isArray(invalid.issues)).toBe(true);
  });

  it('reports an unreachable server as a NETWORK error', async () => {
    const err = await rejection(client({ location: { protocol: 'http:', host: '127.0.0.1:1' } }).invoke('services:list', {}));
    expect(err.code).toBe('NETWORK');
  });

  it('delivers subscribed events over the /events WebSocket', async () => {
    const c = client();
    const seen: ServiceInfo[] = [];
    const unsubscribe = c.subscribe('services:stateChanged', (info) => seen.push(info));
    await vi.waitFor(() => expect(c.connection()).toBe('open'));
    // The subscribe message races the first emit; probe until the server has it.
    const probe = core.supervisor.get('tasker');
    await vi.waitFor(() => {
      core.bus.emit('services:stateChanged', probe);
      expect(seen.length).toBeGreaterThan(0);
    });
    const cometStates = () => seen.filter((s) => s.name === 'comet').map((s) => s.state);

    await c.invoke('services:start', { name: 'comet' });
    await vi.waitFor(() => expect(cometStates()).toEqual(['starting', 'running']));
    expect(seen.at(-1)).toMatchObject({ name: 'comet', url: 'http://127.0.0.1:5050' });

    unsubscribe();
    await c.invoke('services:stop', { name: 'comet' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cometStates()).toEqual(['starting', 'running']);
  });

  it('keeps retrying a socket the server refuses (wrong token) without ever opening it', async () => {
    const c = client({ token: 'wrong' });
    c.subscribe('services:stateChanged', () => {});
    await vi.waitFor(() => expect(c.connection()).toBe('reconnecting'));
    c.close();
    expect(c.connection()).toBe('closed');
  });
});
