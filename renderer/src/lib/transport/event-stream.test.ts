import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serviceInfo } from '../../testing/fixtures.ts';
import { backoffDelay, createEventStream, type WebSocketLike } from './event-stream.ts';

/** A socket the test drives by hand. */
class FakeSocket implements WebSocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((event: never) => void) | null = null;
  onclose: ((event: never) => void) | null = null;
  onerror: ((event: never) => void) | null = null;
  onmessage: ((event: never) => void) | null = null;
  readonly url: string;
  readonly protocols: string[];
  constructor(url: string, protocols: string[]) {
    this.url = url;
    this.protocols = protocols;
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    (this.onopen as (() => void) | null)?.();
  }
  drop() {
    this.readyState = 3;
    (this.onclose as (() => void) | null)?.();
  }
  receive(message: unknown) {
    (this.onmessage as ((e: { data: unknown }) => void) | null)?.({ data: JSON.stringify(message) });
  }
}
const last = () => FakeSocket.all.at(-1)!;

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('event stream', () => {
  it('subscribes once open, delivers valid events and drops malformed ones', () => {
    const stream = createEventStream({ url: 'ws://x/events', protocols: ['observatory', 'token.t'], WebSocket: FakeSocket });
    const seen: unknown[] = [];
    stream.subscribe('services:stateChanged', (p) => seen.push(p));
    expect(last().protocols).toEqual(['observatory', 'token.t']);
    last().open();
    expect(last().sent).toEqual([{ type: 'subscribe', channel: 'services:stateChanged' }]);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    last().receive({ type: 'event', channel: 'services:stateChanged', payload: serviceInfo('comet') });
    last().receive({ type: 'event', channel: 'services:stateChanged', payload: { name: 'comet' } });
    last().receive({ type: 'event', channel: 'nope', payload: {} });
    expect(seen).toEqual([serviceInfo('comet')]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    stream.close();
  });

  it('reconnects with capped exponential backoff, re-subscribes, then tells onReconnect listeners', () => {
    vi.spyOn(Math, 'random').mockReturnValue(1); // no jitter: delays are exactly 100, 200, 400, 400
    const backoff = { initialMs: 100, maxMs: 400 };
    const stream = createEventStream({ url: 'ws://x/events', protocols: [], WebSocket: FakeSocket, backoff });
    const reconnects = vi.fn();
    stream.onReconnect(reconnects);
    stream.subscribe('services:stateChanged', () => {});
    last().open();
    expect(reconnects).not.toHaveBeenCalled();

    last().drop();
    expect(stream.connection()).toBe('reconnecting');
    for (let i = 0; i < 4; i++) {
      const before = FakeSocket.all.length;
      vi.advanceTimersByTime(Math.min(400, 100 * 2 ** i) - 1);
      expect(FakeSocket.all.length).toBe(before);
      vi.advanceTimersByTime(1);
      expect(FakeSocket.all.length).toBe(before + 1);
      last().drop();
    }
    vi.advanceTimersByTime(400);
    last().open();
    expect(stream.connection()).toBe('open');
    expect(last().sent).toEqual([{ type: 'subscribe', channel: 'services:stateChanged' }]);
    expect(reconnects).toHaveBeenCalledTimes(1);
    stream.close();
    expect(stream.connection()).toBe('closed');
  });

  it('unsubscribes from the server when the last listener of a channel leaves', () => {
    const stream = createEventStream({ url: 'ws://x/events', protocols: [], WebSocket: FakeSocket });
    last().open();
    const off1 = stream.subscribe('services:stateChanged', () => {});
    const off2 = stream.subscribe('services:stateChanged', () => {});
    off1();
    off2();
    off2();
    expect(last().sent).toEqual([
      { type: 'subscribe', channel: 'services:stateChanged' },
      { type: 'unsubscribe', channel: 'services:stateChanged' },
    ]);
    stream.close();
  });

  it('caps the delay and jitters only below it', () => {
    const opts = { initialMs: 500, maxMs: 15_000 };
    expect(backoffDelay(0, opts, () => 1)).toBe(500);
    expect(backoffDelay(3, opts, () => 1)).toBe(4000);
    expect(backoffDelay(30, opts, () => 1)).toBe(15_000);
    expect(backoffDelay(30, opts, () => 0)).toBe(12_000);
  });
});
