import { describe, expect, it, vi } from 'vitest';
import type { ObservatoryBridge } from '../contract.ts';
import { RpcCallError } from './errors.ts';
import { createIpcClient } from './ipc.ts';

function bridge(answer: unknown): ObservatoryBridge {
  return { invoke: vi.fn(async () => answer) as never, subscribe: vi.fn(() => () => {}) as never };
}

describe('IPC client', () => {
  it('unwraps ok envelopes and checks the result against the contract', async () => {
    const info = { version: '0.1.0', node: '24.0.0', mode: 'electron', dataDir: '/d', consoleUrl: null };
    await expect(createIpcClient(bridge({ ok: true, result: info })).invoke('app:info', {})).resolves.toEqual(info);
    await expect(createIpcClient(bridge({ ok: true, result: { version: 1 } })).invoke('app:info', {})).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    });
  });

  it('throws the envelope error with its code, message and issues', async () => {
    const err = await createIpcClient(bridge({ ok: false, error: { code: 'INVALID_INPUT', message: 'bad', issues: [1] } }))
      .invoke('services:start', { name: 'comet' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RpcCallError);
    expect(err).toMatchObject({ code: 'INVALID_INPUT', message: 'bad', issues: [1], channel: 'services:start' });
  });
});
