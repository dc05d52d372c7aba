import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload script (out/preload/index.cjs). */
  preload: string;
}

/**
 * The console window's options. Pure, so every security flag is pinned by a unit test: the page is
 * isolated from the preload, sandboxed, without Node, without <webview>, and shown only once painted.
 */
export function windowOptions({ preload }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Observatory',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#0f1115',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}
