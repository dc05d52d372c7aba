import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createCore, type Core } from '../services/core/compose.ts';
import { loadConfig } from '../services/core/config.ts';
import type { Disposable } from '../services/core/lifecycle.ts';
import { createLogger } from '../services/core/logger.ts';
import type { Router } from '../services/core/router.ts';
import type { ServiceModule } from '../services/core/service.ts';
import {
  createIpcBridge,
  eventChannel,
  rpcChannel,
  type FrameLike,
  type InvokeEventLike,
  type IpcBridge,
  type IpcMainLike,
  type WebContentsLike,
} from './ipc.ts';
import { appUrlMatcher } from './security.ts';

const appUrl = pathToFileURL('/opt/observatory/out/renderer/index.html').href;

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke does: run the handler with the event Electron would build. */
  async invoke(event: InvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(rpcChannel);
    if (!handler) throw new Error(`No handler registered for '${rpcChannel}'`);
    return handler(event, ...args);
  }
}

let nextId = 1;
class FakeWebContents extends EventEmitter implements WebContentsLike {
  readonly id = nextId++;
  mainFrame: FrameLike & { url: string } = { url: `${appUrl}#/`, processId: 7, frameToken: `main-${this.id}` };
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  destroyed = false;
  failSends = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    if (this.failSends) throw new Error('An object could not be cloned.');
    this.sent.push({ channel, args });
  }
  /** The invoke event of a call made by this window's main frame. */
  fromMainFrame(): InvokeEventLike {
    return { sender: this, senderFrame: { ...this.mainFrame } };
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  /** Payloads of services:stateChanged events sent so far, as states. */
  states(): string[] {
    return this.sent.map(({ channel, args }) => {
      expect(channel).toBe(eventChannel);
      expect(args[0]).toBe('services:stateChanged');
      return (args[1] as { state: string }).state;
    });
  }
}

const fakeComet: ServiceModule = {
  name: 'comet',
  title: 'Comet',
  description: 'test double',
  start: async () => ({ url: 'http://127.0.0.1:1', endpoints: { 'comet-lb': 'http://127.0.0.1:1' }, stop: async () => undefined }),
};

describe('createIpcBridge', () => {
  let dataDir: string;
  let core: Core;
  let ipcMain: FakeIpcMain;
  let bridge: IpcBridge;
  let problems: Array<{ message: string; detail: Record<string, unknown> }>;
  let dispatch: Mock<Router['dispatch']>;
  let subscriptions: Array<{ disposed: boolean }>;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'observatory-ipc-'));
    core = createCore(loadConfig({ env: { OBSERVATORY_DATA_DIR: dataDir } }), {
      logger: createLogger({ level: 'silent' }),
      modules: [fakeComet],
      meta: { mode: 'electron' },
    });
    ipcMain = new FakeIpcMain();
    problems = [];
    dispatch = vi.fn<Router['dispatch']>((channel, input, caller) => core.router.dispatch(channel, input, caller));
    // Count the bus subscriptions the bridge holds, and whether each was disposed.
    subscriptions = [];
    const subscribeAll = core.bus.subscribeAll.bind(core.bus);
    vi.spyOn(core.bus, 'subscribeAll').mockImplementation((listener) => {
      const inner = subscribeAll(listener);
      const record = { disposed: false };
      subscriptions.push(record);
      return {
        dispose() {
          record.disposed = true;
          inner.dispose();
        },
      } satisfies Disposable;
    });
    bridge = createIpcBridge({
      ipcMain,
      router: { dispatch },
      bus: core.bus,
      isAppUrl: appUrlMatcher(appUrl),
      onProblem: (message, detail) => problems.push({ message, detail }),
    });
  });

  afterEach(async () => {
    bridge.dispose();
    await core.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('observatory:rpc', () => {
    it('registers exactly one handler, removed on dispose', () => {
      expect([...ipcMain.handlers.keys()]).toEqual([rpcChannel]);
      bridge.dispose();
      expect(ipcMain.handlers.size).toBe(0);
      bridge.dispose();
    });

    it('dispatches a call from the main frame to the router as ipc:<webContentsId>', async () => {
      const win = new FakeWebContents();
      bridge.attach(win);
      const envelope = await ipcMain.invoke(win.fromMainFrame(), 'app:info', {});
      expect(envelope).toMatchObject({ ok: true, result: { mode: 'electron', dataDir, consoleUrl: null } });
      expect(dispatch).toHaveBeenCalledWith('app:info', {}, { id: `ipc:${win.id}` });
    });

    it('starts a service through the core', async () => {
      const win = new FakeWebContents();
      bridge.attach(win);
      const envelope = await ipcMain.invoke(win.fromMainFrame(), 'services:start', { name: 'comet' });
      expect(envelope).toMatchObject({ ok: true, result: { name: 'comet', state: 'running' } });
      expect(core.supervisor.get('comet').state).toBe('running');
    });

    it('passes the router envelopes of bad calls back unchanged', async () => {
      const win = new FakeWebContents();
      bridge.attach(win);
      const event = win.fromMainFrame();
      await expect(ipcMain.invoke(event, 'nope:nothing', {})).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      await expect(ipcMain.invoke(event, 'services:start', { name: 'nope' })).resolves.toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      await expect(ipcMain.invoke(event, 42, {})).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(dispatch).toHaveBeenCalledTimes(2);
    });

    it.each([
      ['a window that was never attached', (_win: FakeWebContents) => new FakeWebContents().fromMainFrame()],
      ['a frame that is gone', (win: FakeWebContents) => ({ sender: win, senderFrame: null })],
      ['a subframe', (win: FakeWebContents) => ({ sender: win, senderFrame: { ...win.mainFrame, frameToken: 'child' } })],
      ['a frame of another process', (win: FakeWebContents) => ({ sender: win, senderFrame: { ...win.mainFrame, processId: 99 } })],
      [
        'a page that is not the app',
        (win: FakeWebContents) => {
          win.mainFrame.url = 'https://evil.example/';
          return win.fromMainFrame();
        },
      ],
      [
        'another file',
        (win: FakeWebContents) => {
          win.mainFrame.url = pathToFileURL('/tmp/evil.html').href;
          return win.fromMainFrame();
        },
      ],
    ])('refuses a call from %s, without reaching the router', async (_what, eventOf) => {
      const win = new FakeWebContents();
      bridge.attach(win);
      await expect(ipcMain.invoke(eventOf(win), 'services:start', { name: 'comet' })).rejects.toThrow(/observatory:rpc refused/);
      expect(dispatch).not.toHaveBeenCalled();
      expect(problems).toMatchObject([{ message: 'ipc call refused' }]);
      expect(core.supervisor.get('comet').state).toBe('stopped');
    });

    it('refuses calls from a destroyed window', async () => {
      const win = new FakeWebContents();
      bridge.attach(win);
      const event = win.fromMainFrame();
      win.destroy();
      await expect(ipcMain.invoke(event, 'app:info', {})).rejects.toThrow(/not a console window/);
    });
  });

  describe('observatory:event', () => {
    it('buffers events until did-finish-load, then delivers them in order, then live', async () => {
      const win = new FakeWebContents();
      bridge.attach(win);
      await core.supervisor.start('comet');
      expect(win.sent).toEqual([]);

      win.emit('did-finish-load');
      expect(win.states()).toEqual(['starting', 'running']);
      expect(win.sent[1]?.args[1]).toMatchObject({ name: 'comet', state: 'running', url: 'http://127.0.0.1:1' });

      await core.supervisor.stop('comet');
      expect(win.states()).toEqual(['starting', 'running', 'stopping', 'stopped']);
    });

    it('holds one bus subscription per window', () => {
      const a = new FakeWebContents();
      const b = new FakeWebContents();
      bridge.attach(a);
      bridge.attach(b);
      expect(subscriptions).toHaveLength(2);
      expect(() => bridge.attach(a)).toThrow(/already attached/);
    });

    it('starts afresh on reload: the old subscription is disposed, the new page gets only new events', async () => {
      const win = new FakeWebContents();
      bridge.attach(win);
      win.emit('did-finish-load');
      await core.supervisor.start('comet');
      expect(win.states()).toEqual(['starting', 'running']);

      win.emit('did-navigate');
      expect(subscriptions.map((s) => s.disposed)).toEqual([true, false]);
      await core.supervisor.stop('comet');
      expect(win.states()).toEqual(['starting', 'running']);

      win.emit('did-finish-load');
      expect(win.states()).toEqual(['starting', 'running', 'stopping', 'stopped']);
    });

    it('keeps the buffer of a page that never loaded across its first navigation', async () => {
      const win = new FakeWebContents();
      bridge.attach(win);
      await core.supervisor.start('comet');
      win.emit('did-navigate');
      win.emit('did-finish-load');
      expect(win.states()).toEqual(['starting', 'running']);
      expect(subscriptions).toHaveLength(1);
    });

    it('buffers while a crashed renderer is replaced, then delivers to the new page', async () => {
      const win = new FakeWebContents();
      bridge.attach(win);
      win.emit('did-finish-load');
      win.emit('render-process-gone');
      await core.supervisor.start('comet');
      expect(win.sent).toEqual([]);
      win.emit('did-navigate');
      win.emit('did-finish-load');
      expect(win.states()).toEqual(['starting', 'running']);
    });

    it('disposes the subscription and stops sending once the window is destroyed', async () => {
      const win = new FakeWebContents();
      bridge.attach(win);
      win.emit('did-finish-load');
      win.destroy();
      expect(subscriptions).toMatchObject([{ disposed: true }]);
      expect(win.listenerCount('did-finish-load')).toBe(0);
      await core.supervisor.start('comet');
      expect(win.sent).toEqual([]);
    });

    it('detaches every window on dispose', () => {
      const win = new FakeWebContents();
      bridge.attach(win);
      bridge.dispose();
      expect(subscriptions).toMatchObject([{ disposed: true }]);
      expect(() => bridge.attach(new FakeWebContents())).toThrow(/disposed/);
    });

    it('sends nothing to a page that is not the app', async () => {
      const win = new FakeWebContents();
      bridge.attach(win);
      win.emit('did-finish-load');
      win.mainFrame.url = 'https://evil.example/';
      await core.supervisor.start('comet');
      expect(win.sent).toEqual([]);
    });

    it('keeps only the newest events while the page is not loaded', () => {
      bridge.dispose();
      ipcMain = new FakeIpcMain();
      bridge = createIpcBridge({ ipcMain, router: core.router, bus: core.bus, isAppUrl: appUrlMatcher(appUrl), maxBufferedEvents: 2 });
      const win = new FakeWebContents();
      bridge.attach(win);
      const info = core.supervisor.get('comet');
      for (const state of ['starting', 'running', 'stopping'] as const) core.bus.emit('services:stateChanged', { ...info, state });
      win.emit('did-finish-load');
      expect(win.states()).toEqual(['running', 'stopping']);
    });

    it('never throws a failed send back into the emitter', async () => {
      const win = new FakeWebContents();
      bridge.attach(win);
      win.emit('did-finish-load');
      win.failSends = true;
      await expect(core.supervisor.start('comet')).resolves.toMatchObject({ state: 'running' });
      expect(problems.map((p) => p.message)).toEqual(['event not delivered', 'event not delivered']);
    });
  });
});
