// Stands in for the `electron` module under Vitest: named exports are placeholders, never the real binary.
export const app = 'electron.app';
export const BrowserWindow = 'electron.BrowserWindow';
export const ipcMain = 'electron.ipcMain';
export const ipcRenderer = 'electron.ipcRenderer';
export const contextBridge = 'electron.contextBridge';
export const shell = 'electron.shell';
export const session = 'electron.session';
export const nativeTheme = 'electron.nativeTheme';
export default {};
