import type { EventChannel, EventPayload } from '../contract/index.ts';
import { toDisposable, type Disposable } from './lifecycle.ts';

type Listener<C extends EventChannel> = (payload: EventPayload<C>) => void;
type AnyListener = (channel: EventChannel, payload: unknown) => void;

/** Typed in-process event bus; every subscription is a Disposable. */
export class EventBus {
  private readonly listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  private readonly anyListeners = new Set<AnyListener>();

  subscribe<C extends EventChannel>(channel: C, listener: Listener<C>): Disposable {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
    }
    set.add(listener as (payload: never) => void);
    return toDisposable(() => set.delete(listener as (payload: never) => void));
  }

  /** For transports that fan every event out (IPC, WebSocket). */
  subscribeAll(listener: AnyListener): Disposable {
    this.anyListeners.add(listener);
    return toDisposable(() => this.anyListeners.delete(listener));
  }

  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void {
    for (const listener of this.listeners.get(channel) ?? []) {
      (listener as Listener<C>)(payload);
    }
    for (const listener of this.anyListeners) listener(channel, payload);
  }

  listenerCount(channel: EventChannel): number {
    return this.listeners.get(channel)?.size ?? 0;
  }
}
