import type { RequestChannel, RequestInput, RequestOutput } from '../contract.ts';
import { RpcCallError, unwrapEnvelope } from './errors.ts';
import { createEventStream, type BackoffOptions, type WebSocketFactory } from './event-stream.ts';
import type { ConsoleClient } from './types.ts';

/** The page's own address: the console server serves the UI, `/rpc` and `/events` from one origin. */
export interface ServerLocation {
  protocol: string;
  host: string;
}

export interface HttpClientOptions {
  token: string;
  location: ServerLocation;
  fetch?: typeof fetch;
  WebSocket?: WebSocketFactory;
  backoff?: BackoffOptions;
}

/** Web mode: `POST /rpc/<channel>` with the bearer token, events over one `/events` WebSocket. */
export function createHttpClient(opts: HttpClientOptions): ConsoleClient {
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const origin = `${opts.location.protocol}//${opts.location.host}`;
  const wsOrigin = `${opts.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${opts.location.host}`;
  const events = createEventStream({
    url: `${wsOrigin}/events`,
    protocols: ['observatory', `token.${opts.token}`],
    WebSocket: opts.WebSocket ?? (globalThis.WebSocket as WebSocketFactory),
    ...(opts.backoff ? { backoff: opts.backoff } : {}),
  });

  async function invoke<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>> {
    let response: Response;
    try {
      response = await doFetch(`${origin}/rpc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${opts.token}`,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: JSON.stringify(input ?? {}),
      });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new RpcCallError(channel, { code: 'NETWORK', message: `The console is not reachable (${reason}).` });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new RpcCallError(channel, { code: 'BAD_RESPONSE', message: `${channel} answered HTTP ${response.status} without JSON` });
    }
    return unwrapEnvelope(channel, body);
  }

  return {
    kind: 'http',
    invoke,
    subscribe: (channel, listener) => events.subscribe(channel, listener as (payload: unknown) => void),
    onReconnect: (listener) => events.onReconnect(listener),
    connection: () => events.connection(),
    onConnectionChange: (listener) => events.onConnectionChange(listener),
    close: () => events.close(),
  };
}
