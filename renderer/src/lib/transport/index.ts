export type { ConnectionState, ConsoleClient, EventListener } from './types.ts';
export { RpcCallError, describeError, type ClientErrorCode } from './errors.ts';
export { createIpcClient } from './ipc.ts';
export { createHttpClient, type HttpClientOptions, type ServerLocation } from './http.ts';
export { createEventStream, backoffDelay, type WebSocketFactory, type WebSocketLike } from './event-stream.ts';
export { createMemoryClient, type MemoryClient, type MemoryHandlers } from './memory.ts';
export { takeToken, tokenStorageKey } from './token.ts';
export { createClientForPage, type BootResult } from './boot.ts';
export { ClientProvider, useClient, useConnectionState } from './context.tsx';
