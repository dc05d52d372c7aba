import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createBridge, type IpcRendererLike } from './bridge.ts';

class FakeIpcRenderer extends EventEmitter implements IpcRendererLike {
  readonly invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, result: 'from main' }));
  /** What webContents.send does on the other side: the listener gets an IPC event object first. */
  deliver(channel: unknown, payload: unknown): void {
    this.emit('observatory:event', { sender: 'ipcRenderer', ports: [] }, channel, payload);
  }
}

const info = { name: 'comet', state: 'running' } as never;

describe('createBridge', () => {
  it('exposes exactly invoke and subscribe, frozen', () => {
    const bridge = createBridge(new FakeIpcRenderer());
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  describe('invoke', () => {
    it('sends contract calls over observatory:rpc and returns the envelope', async () => {
      const ipc = new FakeIpcRenderer();
      const bridge = createBridge(ipc);
      await expect(bridge.invoke('services:start', { name: 'comet' })).resolves.toEqual({ ok: true, result: 'from main' });
      expect(ipc.invoke).toHaveBeenCalledWith('observatory:rpc', 'services:start', { name: 'comet' });
    });

    it.each(['nope', 'observatory:event', '__proto__', 7])('rejects %j without touching IPC', async (channel) => {
      const ipc = new FakeIpcRenderer();
      const bridge = createBridge(ipc);
      await expect(bridge.invoke(channel as never, {} as never)).rejects.toThrow(TypeError);
      expect(ipc.invoke).not.toHaveBeenCalled();
    });
  });

  describe('subscribe', () => {
    it('hands listeners the payload only, never the IPC event', () => {
      const ipc = new FakeIpcRenderer();
      const bridge = createBridge(ipc);
      const listener = vi.fn();
      bridge.subscribe('services:stateChanged', listener);
      ipc.deliver('services:stateChanged', info);
      expect(listener).toHaveBeenCalledTimes(1);
      expect(listener.mock.calls[0]).toEqual([info]);
    });

    it('routes by channel and drops channels outside the contract', () => {
      const ipc = new FakeIpcRenderer();
      const bridge = createBridge(ipc);
      const listener = vi.fn();
      bridge.subscribe('services:stateChanged', listener);
      ipc.deliver('services:other', info);
      ipc.deliver('__proto__', info);
      ipc.deliver(undefined, info);
      expect(listener).not.toHaveBeenCalled();
    });

    it('rejects unknown channels and non-function listeners', () => {
      const bridge = createBridge(new FakeIpcRenderer());
      expect(() => bridge.subscribe('nope' as never, () => undefined)).toThrow(TypeError);
      expect(() => bridge.subscribe('services:stateChanged', 'x' as never)).toThrow(TypeError);
    });

    it('returns an unsubscribe function (idempotent) and removes its IPC listener with the last one', () => {
      const ipc = new FakeIpcRenderer();
      const bridge = createBridge(ipc);
      const a = vi.fn();
      const b = vi.fn();
      const offA = bridge.subscribe('services:stateChanged', a);
      const offB = bridge.subscribe('services:stateChanged', b);
      expect(ipc.listenerCount('observatory:event')).toBe(1);

      offA();
      offA();
      ipc.deliver('services:stateChanged', info);
      expect(a).not.toHaveBeenCalled();
      expect(b).toHaveBeenCalledTimes(1);

      offB();
      expect(ipc.listenerCount('observatory:event')).toBe(0);
      bridge.subscribe('services:stateChanged', a);
      expect(ipc.listenerCount('observatory:event')).toBe(1);
    });

    it('treats the same function subscribed twice as two subscriptions', () => {
      const ipc = new FakeIpcRenderer();
      const bridge = createBridge(ipc);
      const listener = vi.fn();
      const off = bridge.subscribe('services:stateChanged', listener);
      bridge.subscribe('services:stateChanged', listener);
      off();
      ipc.deliver('services:stateChanged', info);
      expect(listener).toHaveBeenCalledTimes(1);
    });

    it('keeps delivering to the others when one listener throws', () => {
      const ipc = new FakeIpcRenderer();
      const errors: unknown[] = [];
      const bridge = createBridge(ipc, (err) => errors.push(err));
      const after = vi.fn();
      bridge.subscribe('services:stateChanged', () => {
        throw new Error('boom');
      });
      bridge.subscribe('services:stateChanged', after);
      ipc.deliver('services:stateChanged', info);
      expect(after).toHaveBeenCalledTimes(1);
      expect(errors).toMatchObject([{ message: 'boom' }]);
    });
  });
});
