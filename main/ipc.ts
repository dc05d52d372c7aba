import { ipcChannels } from '../preload/channels.ts';
import type { EventChannel, RpcEnvelope } from '../services/contract/index.ts';
import type { EventBus } from '../services/core/events.ts';
import { toDisposable, type Disposable } from '../services/core/lifecycle.ts';
import type { Router } from '../services/core/router.ts';

/** The only two IPC channels between the window and the main process (named once, for both sides). */
export const rpcChannel = ipcChannels.rpc;
export const eventChannel = ipcChannels.event;

/*
 * The slices of Electron this adapter uses, so it runs under plain Node in tests. Electron's
 * IpcMain, IpcMainInvokeEvent, WebContents and WebFrameMain satisfy them as they are.
 */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly frameToken: string;
}

export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

type LifecycleEvent = 'did-finish-load' | 'did-navigate' | 'render-process-gone' | 'destroyed';

export interface WebContentsLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  on(event: LifecycleEvent, listener: () => void): unknown;
  removeListener(event: LifecycleEvent, listener: () => void): unknown;
}

export interface IpcBridgeOptions {
  ipcMain: IpcMainLike;
  router: Pick<Router, 'dispatch'>;
  bus: Pick<EventBus, 'subscribeAll'>;
  /** True for the app's own page (see main/security.ts appUrlMatcher). */
  isAppUrl: (url: string) => boolean;
  /** Told of every refused call and every event that could not be delivered. */
  onProblem?: (message: string, detail: Record<string, unknown>) => void;
  /** Events kept for a page that is not loaded yet; the oldest go first. */
  maxBufferedEvents?: number;
}

export interface IpcBridge extends Disposable {
  /** Serves one window: its calls are accepted and every bus event is forwarded to it. */
  attach(contents: WebContentsLike): Disposable;
}

/**
 * The IPC transport over the core: one `observatory:rpc` handler (checked sender, then
 * router.dispatch) and one `observatory:event` fan-out per window from bus.subscribeAll.
 *
 * Events wait in a buffer until the page has loaded (did-finish-load). A new document
 * (reload, did-navigate) gets a fresh subscription; the old one ends with its page. A destroyed
 * window is detached and its subscription disposed.
 */
export function createIpcBridge(opts: IpcBridgeOptions): IpcBridge {
  const { ipcMain, router, bus, isAppUrl, onProblem = () => undefined, maxBufferedEvents = 1000 } = opts;
  const windows = new Map<number, { contents: WebContentsLike; detach: Disposable }>();
  let disposed = false;

  function refusal(event: InvokeEventLike): string | null {
    const attached = windows.get(event.sender.id);
    if (!attached || attached.contents.isDestroyed()) return 'the sender is not a console window';
    const frame = event.senderFrame;
    if (!frame) return 'the sender frame is gone';
    const main = attached.contents.mainFrame;
    if (frame.processId !== main.processId || frame.frameToken !== main.frameToken) return 'the sender is not the main frame';
    if (!isAppUrl(frame.url)) return 'the sender page is not the app';
    return null;
  }

  ipcMain.handle(rpcChannel, async (event, channel, input): Promise<RpcEnvelope<unknown>> => {
    const reason = refusal(event);
    if (reason !== null) {
      onProblem('ipc call refused', { reason, webContentsId: event.sender.id, url: event.senderFrame?.url ?? null });
      throw new Error(`${rpcChannel} refused: ${reason}`);
    }
    if (typeof channel !== 'string') {
      return { ok: false, error: { code: 'INVALID_INPUT', message: 'the channel must be a string' } };
    }
    return router.dispatch(channel, input, { id: `ipc:${event.sender.id}` });
  });

  function attach(contents: WebContentsLike): Disposable {
    if (disposed) throw new Error('the IPC bridge is disposed');
    if (windows.has(contents.id)) throw new Error(`webContents ${contents.id} is already attached`);
    let ready = false;
    let buffer: Array<[EventChannel, unknown]> = [];
    let subscription: Disposable | null = null;

    const send = (channel: EventChannel, payload: unknown) => {
      if (contents.isDestroyed()) return;
      // Never hand events to a page that is not ours, whatever got it there.
      if (!isAppUrl(contents.mainFrame.url)) return;
      try {
        contents.send(eventChannel, channel, payload);
      } catch (err) {
        // A failed send must not throw into bus.emit (and so into whatever emitted the event).
        onProblem('event not delivered', { channel, webContentsId: contents.id, err });
      }
    };

    const subscribe = () => {
      subscription?.dispose();
      buffer = [];
      subscription = bus.subscribeAll((channel, payload) => {
        if (ready) {
          send(channel, payload);
          return;
        }
        buffer.push([channel, payload]);
        if (buffer.length > maxBufferedEvents) buffer.shift();
      });
    };

    const onFinishLoad = () => {
      ready = true;
      const pending = buffer;
      buffer = [];
      for (const [channel, payload] of pending) send(channel, payload);
    };
    const onNavigate = () => {
      // A new document replaced one that was receiving events: that stream ends with it.
      if (!ready) return;
      ready = false;
      subscribe();
    };
    const onGone = () => {
      ready = false;
    };
    const listeners: Array<[LifecycleEvent, () => void]> = [
      ['did-finish-load', onFinishLoad],
      ['did-navigate', onNavigate],
      ['render-process-gone', onGone],
      ['destroyed', () => detach.dispose()],
    ];

    const detach = toDisposable(() => {
      windows.delete(contents.id);
      subscription?.dispose();
      subscription = null;
      buffer = [];
      for (const [name, listener] of listeners) contents.removeListener(name, listener);
    });

    subscribe();
    for (const [name, listener] of listeners) contents.on(name, listener);
    windows.set(contents.id, { contents, detach });
    return detach;
  }

  return {
    attach,
    dispose() {
      if (disposed) return;
      disposed = true;
      ipcMain.removeHandler(rpcChannel);
      for (const { detach } of [...windows.values()]) detach.dispose();
    },
  };
}
