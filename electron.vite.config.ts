import { posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './main/csp.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Native modules can never be bundled; the main process loads them from node_modules. */
const nativeDeps = ['better-sqlite3', 'lmdb', 'pg-native'];

/**
 * Keeps `import.meta.{url,dirname,filename}` meaning the source file in modules bundled from
 * services/ and plugins/: they find files next to their source (the Looking Glass built-in plugins
 * folder, package.json), and the bundle lives elsewhere (out/main). Each becomes an expression
 * relative to the bundle, so the output stays relocatable along with the source tree.
 */
function sourceRelativeImportMeta(outDir: string, dirs: string[]): Plugin {
  // Module ids use forward slashes on every OS.
  const slashes = (p: string) => p.replaceAll('\\', '/');
  const prefixes = dirs.map((d) => `${slashes(d)}/`);
  return {
    name: 'observatory:source-relative-import-meta',
    enforce: 'pre',
    transform(code, id) {
      const file = slashes(id.split('?')[0] ?? id);
      if (!prefixes.some((p) => file.startsWith(p)) || !code.includes('import.meta.')) return null;
      const fromOut = slashes(relative(outDir, file));
      const dirFromOut = slashes(relative(outDir, posix.dirname(file)));
      const out = code.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_m, what: string) => {
        if (what === 'url') return `new URL(${JSON.stringify(fromOut)}, import.meta.url).href`;
        const rel = what === 'dirname' ? dirFromOut : fromOut;
        return `(import.meta.dirname + ${JSON.stringify(`/${rel}`)})`;
      });
      return { code: out, map: null };
    },
  };
}

/**
 * Writes the window's Content-Security-Policy into the built index.html: the page loads from
 * file://, where no response header carries it (see main/csp.ts). Build only: the dev server
 * needs its inline preamble.
 */
function cspMeta(): Plugin {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`;
  return {
    name: 'observatory:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // Right after <meta charset> (which must come first), before any script or stylesheet.
      handler(html) {
        const charset = /<meta\s+charset=[^>]*>/i.exec(html);
        if (charset) return html.replace(charset[0], `${charset[0]}\n    ${tag}`);
        const head = /<head[^>]*>/i.exec(html);
        if (!head) throw new Error('renderer/index.html has no <head> to put the Content-Security-Policy in');
        return html.replace(head[0], `${head[0]}\n    ${tag}`);
      },
    },
  };
}

export default defineConfig({
  main: {
    plugins: [sourceRelativeImportMeta(resolve(root, 'out/main'), [resolve(root, 'services'), resolve(root, 'plugins')])],
    build: {
      outDir: resolve(root, 'out/main'),
      // Every runtime dependency stays in node_modules (package.json "dependencies"), native ones
      // included even when only an optional dependency pulls them in.
      externalizeDeps: { include: nativeDeps },
      rolldownOptions: {
        input: { index: resolve(root, 'main/index.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // Sandboxed preloads cannot load modules: one self-contained CommonJS file, nothing external
      // but `electron` itself.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), cspMeta()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
  },
});
