import type { EventChannel, EventPayload, RequestChannel, RequestInput, RequestOutput } from '../contract.ts';

/** Where the live event stream stands; IPC and the in-memory client are always `open`. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export type EventListener<C extends EventChannel> = (payload: EventPayload<C>) => void;

/** The renderer's only way to the core, typed from the contract; chosen once at boot. */
export interface ConsoleClient {
  readonly kind: 'ipc' | 'http' | 'memory';
  /** Resolves with the result; rejects with an RpcCallError when the envelope says `{ ok: false }`. */
  invoke<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>>;
  /** Returns the unsubscribe function. */
  subscribe<C extends EventChannel>(channel: C, listener: EventListener<C>): () => void;
  /** Called after the event stream came back from a loss: events may have been missed, refetch. */
  onReconnect(listener: () => void): () => void;
  connection(): ConnectionState;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  /** Stops reconnecting and drops the event stream (tests, teardown). */
  close(): void;
}
