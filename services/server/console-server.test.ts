import { request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createCore, type Core } from '../core/compose.ts';
import { httpServiceModule } from '../test/http-service.ts';
import { silentLogger, testConfig } from '../test/helpers.ts';
import { startConsoleServer, type ConsoleServer } from './console-server.ts';

const token = 'test-token-123';
let core: Core;
let server: ConsoleServer;
let cleanup: () => void;

beforeEach(async () => {
  const config = testConfig();
  cleanup = config.cleanup;
  core = createCore(config, { logger: silentLogger(), modules: [httpServiceModule('lookingglass')] });
  server = await startConsoleServer(core, { host: '127.0.0.1', port: 0, token, rendererDir: null });
});
afterEach(async () => {
  await server.close();
  await core.dispose();
  cleanup();
});

/** Raw request so Host and Origin can be set freely (fetch forbids both). */
function call(path: string, opts: { body?: string; headers?: Record<string, string>; method?: string } = {}) {
  const url = new URL(path, server.url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      url,
      { method: opts.method ?? 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body ?? '{}');
  });
}

describe('console server /rpc', () => {
  it('dispatches a channel with the token', async () => {
    const res = await call('/rpc/services:list');
    expect(res.status).toBe(200);
    const envelope = JSON.parse(res.body);
    expect(envelope.ok).toBe(true);
    expect(envelope.result.map((s: { name: string }) => s.name)).toContain('lookingglass');
  });

  it('answers an unknown channel 404 {ok:false}', async () => {
    const res = await call('/rpc/nope:nothing');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers invalid input 400 with the zod issues', async () => {
    const res = await call('/rpc/services:start', { body: '{"name":42}' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.issues[0].path).toEqual(['name']);
  });

  it('answers malformed JSON 400 and a non-JSON content type 415', async () => {
    expect((await call('/rpc/services:list', { body: '{"x":' })).status).toBe(400);
    expect((await call('/rpc/services:list', { headers: { 'content-type': 'text/plain' } })).status).toBe(415);
  });

  it('requires the token: 401 without or with a wrong one', async () => {
    expect((await call('/rpc/services:list', { headers: { authorization: '' } })).status).toBe(401);
    expect((await call('/rpc/services:list', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('refuses a foreign Host or Origin with 403', async () => {
    const port = new URL(server.url).port;
    expect((await call('/rpc/services:list', { headers: { host: `evil.example:${port}` } })).status).toBe(403);
    expect((await call('/rpc/services:list', { headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await call('/rpc/services:list', { headers: { origin: `http://localhost:${port}` } })).status).toBe(200);
  });

  it('says plainly when the UI is not built', async () => {
    const res = await call('/', { method: 'GET' });
    expect(res.status).toBe(503);
    expect(res.body).toMatch(/npm run build/);
  });
});

describe('console server /events', () => {
  const wsUrl = () => server.url.replace('http', 'ws') + '/events';

  it('pushes subscribed events', async () => {
    const ws = new WebSocket(wsUrl(), ['observatory', `token.${token}`]);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const states: string[] = [];
    let subscribed!: () => void;
    const ack = new Promise<void>((resolve) => (subscribed = resolve));
    const twoEvents = new Promise<void>((resolve) =>
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data));
        if (msg.type === 'subscribed') subscribed();
        if (msg.type === 'event') states.push(msg.payload.state);
        if (states.length === 2) resolve();
      }),
    );
    ws.send(JSON.stringify({ type: 'subscribe', channel: 'services:stateChanged' }));
    await ack;
    await call('/rpc/services:start', { body: '{"name":"lookingglass"}' });
    await twoEvents;
    expect(states).toEqual(['starting', 'running']);
    ws.close();
  });

  it('rejects an upgrade without the token', async () => {
    const ws = new WebSocket(wsUrl(), ['observatory']);
    const status = await new Promise<number>((resolve) =>
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)).on('error', () => undefined),
    );
    expect(status).toBe(401);
  });

  it('rejects an upgrade from a foreign origin', async () => {
    const ws = new WebSocket(wsUrl(), ['observatory', `token.${token}`], { origin: 'http://evil.example' });
    const status = await new Promise<number>((resolve) =>
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)).on('error', () => undefined),
    );
    expect(status).toBe(403);
  });

  it('answers an unknown event channel with an error message', async () => {
    const ws = new WebSocket(wsUrl(), ['observatory', `token.${token}`]);
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ type: 'subscribe', channel: 'nope' }));
    const msg = await new Promise<{ type: string; message: string }>((resolve) =>
      ws.once('message', (d) => resolve(JSON.parse(String(d)))),
    );
    expect(msg).toEqual({ type: 'error', message: 'unknown event channel "nope"' });
    ws.close();
  });

  it('answers a malformed upgrade target with 404 and stays up', async () => {
    const { port } = new URL(server.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `GET //[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
        );
      });
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 404/);
    expect((await call('/rpc/services:list')).status).toBe(200);
  });
});
