#!/usr/bin/env node
// `npm start` (after `npm run build`): the desktop app when an Electron binary is installed,
// otherwise the same console served headless for a browser. Plain JavaScript, like observatory.js.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireSupportedNode } from './node-version.js';

requireSupportedNode();

const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/**
 * The Electron executable that `npm install` downloaded, or null. Looks at the files only:
 * requiring the `electron` package under Node would start a download when the binary is missing.
 */
function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  // Same lookup as node_modules/electron/index.js: dist/<path.txt>, or an override folder.
  const pathFile = join(packageDir, 'path.txt');
  const fallback = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform] ?? 'electron';
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() || fallback : fallback;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const binary = join(distDir, executable);
  return existsSync(binary) ? binary : null;
}

const electron = findElectronBinary();
if (electron) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary a plain Node
  const child = spawn(electron, [projectDir, ...args], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (err) => {
    console.error(`observatory: cannot run Electron (${electron}): ${err.message}`);
    process.exitCode = 1;
  });
  child.on('close', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
} else {
  console.error('observatory: no Electron binary is available, so the console is served in the browser instead');
  const { main } = await import('../services/cli.ts');
  process.exitCode = await main(args);
}
