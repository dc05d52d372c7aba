/**
 * The Electron main process: one core (the same composition root the headless server uses), one
 * locked-down window on out/renderer/index.html, one IPC bridge between them.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { createCore, type Core } from '../services/core/compose.ts';
import { loadConfig } from '../services/core/config.ts';
import { createIpcBridge, type IpcBridge } from './ipc.ts';
import { appUrlMatcher, guardSession, guardWebContents } from './security.ts';
import { windowOptions } from './window-options.ts';

// Both paths are relative to this bundle, out/main/index.js.
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const indexHtml = join(import.meta.dirname, '../renderer/index.html');
// `electron-vite dev` serves the renderer itself; a packaged app never does.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isAppUrl = appUrlMatcher(devServerUrl ?? pathToFileURL(indexHtml).href);

let core: Core | null = null;
let bridge: IpcBridge | null = null;
let mainWindow: BrowserWindow | null = null;
let quitState: 'running' | 'stopping' | 'stopped' = 'running';

function log(level: 'info' | 'warn' | 'error', detail: Record<string, unknown>, message: string): void {
  if (core) core.logger[level](detail, message);
  else console.error(`observatory: ${message}`, detail);
}

function fail(title: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  log('error', { err }, title);
  dialog.showErrorBox(title, message);
  quitState = 'stopped';
  const exit = () => app.exit(1);
  if (core) core.dispose().then(exit, exit);
  else exit();
}

function createWindow(): void {
  if (!bridge) return;
  const win = new BrowserWindow(windowOptions({ preload: preloadPath }));
  mainWindow = win;
  // Detaches itself when the webContents is destroyed.
  bridge.attach(win.webContents);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('render-process-gone', (_event, details) => log('error', { reason: details.reason }, 'renderer process gone'));
  // The hash router keeps every route on this one file.
  const loading = devServerUrl ? win.loadURL(devServerUrl) : win.loadFile(indexHtml);
  loading.catch((err: unknown) => {
    log('error', { err, page: devServerUrl ?? indexHtml }, 'the console page did not load (run `npm run build`)');
    win.show();
  });
}

async function start(): Promise<void> {
  const file = process.env.OBSERVATORY_CONFIG;
  const config = loadConfig(file ? { file } : {});
  core = createCore(config, { meta: { mode: 'electron' } });
  const { logger, router, bus, supervisor } = core;
  guardSession(session.defaultSession, isAppUrl);
  bridge = createIpcBridge({ ipcMain, router, bus, isAppUrl, onProblem: (message, detail) => logger.warn(detail, message) });
  // The window first: it shows services starting (their events wait for the page to load).
  createWindow();
  try {
    await supervisor.startAll(config.only);
  } catch (err) {
    // The failed service shows as failed in the console; the app stays up to say so.
    logger.error({ err }, 'starting the services stopped at a failure');
  }
}

if (!app.requestSingleInstanceLock()) {
  // Another Observatory owns the services and ports: it gets focus (second-instance), we leave.
  app.quit();
} else {
  app.enableSandbox();

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every webContents, ours or not, is locked to the app page (will-navigate, window.open, webview).
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, {
      isAppUrl,
      openExternal: (url) => shell.openExternal(url),
      onBlocked: (what, url) => log('warn', { what, url }, 'blocked'),
    });
  });

  // Services run in this process: quitting waits for every one of them to stop.
  app.on('before-quit', (event) => {
    if (quitState === 'stopped' || !core) return;
    event.preventDefault();
    if (quitState === 'stopping') return;
    quitState = 'stopping';
    bridge?.dispose();
    core
      .dispose()
      .catch((err: unknown) => log('error', { err }, 'some services failed to stop'))
      .finally(() => {
        quitState = 'stopped';
        app.quit();
      });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (mainWindow === null && quitState === 'running' && app.isReady()) createWindow();
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => fail('Observatory cannot start', err));
}
