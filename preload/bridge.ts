import type { EventChannel, EventPayload, RequestChannel, RequestInput, RequestOutput, RpcEnvelope } from '../services/contract/index.ts';
import type { ObservatoryBridge } from './api.d.ts';
import { assertEventChannel, assertRequestChannel, ipcChannels, isAllowedEventChannel } from './channels.ts';

/** The slice of Electron's ipcRenderer the bridge uses (so it is testable without Electron). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type Listener = (payload: unknown) => void;

/**
 * Builds `window.observatory`. Only contract channel names pass; the IPC event object never
 * reaches the page; one ipcRenderer listener fans events out to the page's listeners and is
 * removed when the last one unsubscribes.
 */
export function createBridge(ipc: IpcRendererLike, reportError: (err: unknown) => void = rethrowLater): ObservatoryBridge {
  const listeners = new Map<EventChannel, Set<Listener>>();
  let listening = false;

  const onEvent = (_event: unknown, channel: unknown, payload: unknown) => {
    if (!isAllowedEventChannel(channel)) return;
    // A copy: a listener that unsubscribes (or subscribes) while we loop changes nothing this round.
    for (const listener of [...(listeners.get(channel) ?? [])]) {
      try {
        listener(payload);
      } catch (err) {
        reportError(err);
      }
    }
  };

  const bridge: ObservatoryBridge = {
    invoke<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RpcEnvelope<RequestOutput<C>>> {
      try {
        assertRequestChannel(channel);
      } catch (err) {
        return Promise.reject(err as Error);
      }
      return ipc.invoke(ipcChannels.rpc, channel, input) as Promise<RpcEnvelope<RequestOutput<C>>>;
    },

    subscribe<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void {
      assertEventChannel(channel);
      if (typeof listener !== 'function') throw new TypeError('observatory: subscribe needs a listener function');
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
      }
      // Wrapped, so subscribing the same function twice gives two independent subscriptions.
      const entry: Listener = (payload) => listener(payload as EventPayload<C>);
      set.add(entry);
      if (!listening) {
        ipc.on(ipcChannels.event, onEvent);
        listening = true;
      }
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        set.delete(entry);
        if (set.size === 0) listeners.delete(channel);
        if (listeners.size === 0 && listening) {
          ipc.removeListener(ipcChannels.event, onEvent);
          listening = false;
        }
      };
    },
  };
  return Object.freeze(bridge);
}

/** Surfaces a listener's error in the console without stopping the other listeners. */
function rethrowLater(err: unknown): void {
  queueMicrotask(() => {
    throw err;
  });
}
