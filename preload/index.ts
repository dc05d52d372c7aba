/**
 * The preload: sandboxed, bundled into one CommonJS file (out/preload/index.cjs). It exposes one
 * object, `window.observatory` (preload/api.d.ts), and nothing else: no ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.ts';

contextBridge.exposeInMainWorld('observatory', createBridge(ipcRenderer));
