import { eventChannels, isEventChannel, type EventChannel } from '../contract.ts';
import type { ConnectionState } from './types.ts';

/**
 * The slice of the WebSocket API we use; both the DOM WebSocket and the `ws` package fit it.
 * Handler parameters are `never` so either implementation's own event types are accepted.
 */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type WebSocketFactory = new (url: string, protocols: string[]) => WebSocketLike;

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}
export const defaultBackoff: BackoffOptions = { initialMs: 500, maxMs: 15_000 };

/** Capped exponential backoff with up to 20 % jitter below the cap. */
export function backoffDelay(attempt: number, { initialMs, maxMs }: BackoffOptions, random = Math.random): number {
  const base = Math.min(maxMs, initialMs * 2 ** attempt);
  return Math.round(base * (0.8 + 0.2 * random()));
}

export interface EventStreamOptions {
  url: string;
  protocols: string[];
  WebSocket: WebSocketFactory;
  backoff?: BackoffOptions;
}

export interface EventStream {
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
  onReconnect(listener: () => void): () => void;
  connection(): ConnectionState;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}

const OPEN = 1;

/** One socket for every event channel: subscribes per channel, reconnects and re-subscribes on loss. */
export function createEventStream(opts: EventStreamOptions): EventStream {
  const backoff = opts.backoff ?? defaultBackoff;
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const reconnectListeners = new Set<() => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let socket: WebSocketLike | null = null;
  let state: ConnectionState = 'connecting';
  let attempt = 0;
  /** Any open after a failed or lost connection means events may have been missed. */
  let missedEvents = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };
  const send = (message: { type: 'subscribe' | 'unsubscribe'; channel: EventChannel }) => {
    if (socket?.readyState === OPEN) socket.send(JSON.stringify(message));
  };

  function connect(): void {
    if (closed) return;
    let ws: WebSocketLike;
    try {
      ws = new opts.WebSocket(opts.url, opts.protocols);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      for (const channel of listeners.keys()) send({ type: 'subscribe', channel });
      setState('open');
      if (missedEvents) {
        missedEvents = false;
        for (const listener of reconnectListeners) safely(listener);
      }
    };
    ws.onmessage = (event: { data: unknown }) => deliver(event.data);
    ws.onerror = () => {}; // a close event always follows
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (!closed) scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    missedEvents = true;
    setState('reconnecting');
    timer = setTimeout(connect, backoffDelay(attempt++, backoff));
  }

  function deliver(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: { type?: unknown; channel?: unknown; payload?: unknown; message?: unknown };
    try {
      message = JSON.parse(data) as typeof message;
    } catch {
      return;
    }
    if (message.type === 'error') {
      console.warn('[observatory] event stream:', message.message);
      return;
    }
    if (message.type !== 'event' || typeof message.channel !== 'string' || !isEventChannel(message.channel)) return;
    const parsed = eventChannels[message.channel].safeParse(message.payload);
    if (!parsed.success) {
      console.warn(`[observatory] dropped a malformed ${message.channel} event`, parsed.error.issues);
      return;
    }
    for (const listener of listeners.get(message.channel) ?? []) safely(() => listener(parsed.data));
  }

  connect();

  return {
    subscribe(channel, listener) {
      let set = listeners.get(channel);
      if (!set) {
        listeners.set(channel, (set = new Set()));
        send({ type: 'subscribe', channel });
      }
      set.add(listener);
      return () => {
        if (!set.delete(listener) || set.size > 0) return;
        listeners.delete(channel);
        send({ type: 'unsubscribe', channel });
      };
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    connection: () => state,
    onConnectionChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close() {
      closed = true;
      clearTimeout(timer);
      const ws = socket;
      socket = null;
      ws?.close(1000, 'client closed');
      setState('closed');
    },
  };
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    console.error('[observatory] event listener failed', err);
  }
}
