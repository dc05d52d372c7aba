/**
 * Which channel names may cross the bridge: exactly the contract's. Pure (no Electron), shared by
 * the preload and the main process, unit-tested in channels.test.ts.
 */
import { eventChannelNames, requestChannelNames, type EventChannel, type RequestChannel } from '../services/contract/index.ts';

/** The two IPC channels between window and main process (main/ipc.ts serves them). */
export const ipcChannels = { rpc: 'observatory:rpc', event: 'observatory:event' } as const;

const requestNames: ReadonlySet<string> = new Set(requestChannelNames);
const eventNames: ReadonlySet<string> = new Set(eventChannelNames);

export function isAllowedRequestChannel(name: unknown): name is RequestChannel {
  return typeof name === 'string' && requestNames.has(name);
}

export function isAllowedEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && eventNames.has(name);
}

function describe(name: unknown): string {
  return typeof name === 'string' ? JSON.stringify(name) : typeof name;
}

export function assertRequestChannel(name: unknown): RequestChannel {
  if (!isAllowedRequestChannel(name)) throw new TypeError(`observatory: unknown request channel ${describe(name)}`);
  return name;
}

export function assertEventChannel(name: unknown): EventChannel {
  if (!isAllowedEventChannel(name)) throw new TypeError(`observatory: unknown event channel ${describe(name)}`);
  return name;
}
