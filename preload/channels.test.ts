import { describe, expect, it } from 'vitest';
import { eventChannelNames, requestChannelNames } from '../services/contract/index.ts';
import { eventChannel, rpcChannel } from '../main/ipc.ts';
import { assertEventChannel, assertRequestChannel, ipcChannels, isAllowedEventChannel, isAllowedRequestChannel } from './channels.ts';

const notNames: unknown[] = [
  '',
  'nope',
  'services:',
  'constructor',
  '__proto__',
  'toString',
  'observatory:rpc',
  42,
  null,
  undefined,
  {},
  ['app:info'],
];

describe('request channels', () => {
  it('accepts every contract request channel', () => {
    expect(requestChannelNames.length).toBeGreaterThan(0);
    for (const name of requestChannelNames) {
      expect(isAllowedRequestChannel(name)).toBe(true);
      expect(assertRequestChannel(name)).toBe(name);
    }
  });

  it.each(notNames)('rejects %j', (name) => {
    expect(isAllowedRequestChannel(name)).toBe(false);
    expect(() => assertRequestChannel(name)).toThrow(TypeError);
  });

  it('does not take an event channel for a request channel', () => {
    for (const name of eventChannelNames) expect(isAllowedRequestChannel(name)).toBe(false);
  });
});

describe('event channels', () => {
  it('accepts every contract event channel', () => {
    expect(eventChannelNames).toContain('services:stateChanged');
    for (const name of eventChannelNames) {
      expect(isAllowedEventChannel(name)).toBe(true);
      expect(assertEventChannel(name)).toBe(name);
    }
  });

  it.each(notNames)('rejects %j', (name) => {
    expect(isAllowedEventChannel(name)).toBe(false);
    expect(() => assertEventChannel(name)).toThrow(/unknown event channel/);
  });

  it('does not take a request channel for an event channel', () => {
    for (const name of requestChannelNames) expect(isAllowedEventChannel(name)).toBe(false);
  });
});

it('names the same IPC channels the main process serves', () => {
  expect(ipcChannels).toEqual({ rpc: rpcChannel, event: eventChannel });
});
