import type { EventChannel, EventPayload, RequestChannel, RequestInput, RequestOutput } from '../contract.ts';
import { RpcCallError } from './errors.ts';
import type { ConsoleClient } from './types.ts';

export type MemoryHandlers = {
  [C in RequestChannel]?: (input: RequestInput<C>) => RequestOutput<C> | Promise<RequestOutput<C>>;
};

export interface MemoryClient extends ConsoleClient {
  /** Delivers an event to the subscribers, as the core would. */
  push<C extends EventChannel>(channel: C, payload: EventPayload<C>): void;
  /** Pretends the event stream dropped and came back. */
  reconnect(): void;
  readonly calls: ReadonlyArray<{ channel: RequestChannel; input: unknown }>;
  listenerCount(channel: EventChannel): number;
}

/** For component tests: handlers answer calls, `push` plays events; a missing handler answers NOT_FOUND. */
export function createMemoryClient(handlers: MemoryHandlers = {}): MemoryClient {
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const reconnectListeners = new Set<() => void>();
  const calls: Array<{ channel: RequestChannel; input: unknown }> = [];
  return {
    kind: 'memory',
    calls,
    async invoke<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>> {
      calls.push({ channel, input });
      const handler = handlers[channel] as ((input: RequestInput<C>) => RequestOutput<C> | Promise<RequestOutput<C>>) | undefined;
      if (!handler) throw new RpcCallError(channel, { code: 'NOT_FOUND', message: `no handler for ${channel}` });
      return await handler(input);
    },
    subscribe(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    push(channel, payload) {
      for (const listener of listeners.get(channel) ?? []) (listener as (p: typeof payload) => void)(payload);
    },
    reconnect() {
      for (const listener of reconnectListeners) listener();
    },
    listenerCount: (channel) => listeners.get(channel)?.size ?? 0,
    connection: () => 'open',
    onConnectionChange: () => () => {},
    close: () => {
      listeners.clear();
      reconnectListeners.clear();
    },
  };
}
