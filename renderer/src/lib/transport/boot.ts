import { createHttpClient } from './http.ts';
import { createIpcClient } from './ipc.ts';
import { takeToken } from './token.ts';
import type { ConsoleClient } from './types.ts';

export type BootResult = { ok: true; client: ConsoleClient } | { ok: false; reason: 'no-token' };

function sessionStorageOrNull(win: Window): Storage | null {
  try {
    return win.sessionStorage;
  } catch {
    return null;
  }
}

/** Chosen once: IPC inside Electron (the preload exposes `window.observatory`), else HTTP + WebSocket. */
export function createClientForPage(win: Window & typeof globalThis = window): BootResult {
  if (win.observatory) return { ok: true, client: createIpcClient(win.observatory) };
  const token = takeToken(win.location, win.history, sessionStorageOrNull(win));
  if (!token) return { ok: false, reason: 'no-token' };
  const fetch = win.fetch.bind(win);
  return { ok: true, client: createHttpClient({ token, location: win.location, fetch, WebSocket: win.WebSocket }) };
}
