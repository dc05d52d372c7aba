import type { ObservatoryBridge } from '../contract.ts';
import { RpcCallError, unwrapEnvelope } from './errors.ts';
import type { ConsoleClient } from './types.ts';

/** Electron: wraps the preload's `window.observatory`; IPC never drops, so onReconnect never fires. */
export function createIpcClient(bridge: ObservatoryBridge): ConsoleClient {
  return {
    kind: 'ipc',
    async invoke(channel, input) {
      let envelope: unknown;
      try {
        envelope = await bridge.invoke(channel, input);
      } catch (err) {
        throw new RpcCallError(channel, { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) });
      }
      return unwrapEnvelope(channel, envelope);
    },
    subscribe: (channel, listener) => bridge.subscribe(channel, listener),
    onReconnect: () => () => {},
    connection: () => 'open',
    onConnectionChange: () => () => {},
    close: () => {},
  };
}
