import type { EventChannel, EventPayload, RequestChannel, RequestInput, RequestOutput, RpcEnvelope } from '../services/contract/index.ts';

/** The one object the preload exposes to the page as `window.observatory`. */
export interface ObservatoryBridge {
  invoke<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RpcEnvelope<RequestOutput<C>>>;
  subscribe<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
}

declare global {
  interface Window {
    observatory?: ObservatoryBridge;
  }
}
