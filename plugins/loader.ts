/**
 * Discovers and loads plugins: every subfolder of the built-in folder (and of an optional user
 * folder) that holds `index.ts` or `index.js` exporting `P` implementing the Runner contract.
 *
 * - A folder name must match PLUGIN_NAME before any path is built from it, and `P.name` must equal it.
 * - A plugin that fails to import, hangs at import, lacks `P`, or whose `P` does not fit the
 *   contract (duck-typed; `status()` is called once and must answer) is reported in `failures`
 *   and skipped; the others load.
 * - Name collisions: the built-in plugin wins, the user one is reported.
 * - Rescan = call again. User plugins are imported with a version query built from the folder's
 *   file sizes and mtimes, so a changed plugin reloads as a new object while an unchanged one
 *   comes back as the same object (its enabled state survives). Built-ins are imported once.
 *   Limitation: files the plugin's index imports are cached by the runtime under their own URLs
 *   and do not reload; keep a user plugin's changing code in its index file.
 * - Every loaded plugin is wrapped in a guard (same wrapper for the same `P`), so a user plugin's
 *   bugs cannot break the service: status() never throws, errors named PluginParamError /
 *   PluginDisabledError become this module's classes (a user plugin cannot import ours), and
 *   `result` never rejects.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  PluginDisabledError,
  PluginParamError,
  type OutputLine,
  type PluginStatus,
  type RunHandle,
  type Runner,
  type RunOptions,
  type RunResult,
} from './runner.ts';
import { runResult } from './result.ts';

export const PLUGIN_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export const INDEX_FILES = ['index.ts', 'index.js'] as const;
export const DEFAULT_IMPORT_TIMEOUT_MS = 10_000;

export interface LoadOptions {
  builtinDir: string;
  userDir?: string | undefined;
  /** A plugin whose import has not settled by then is reported (default 10 s). */
  importTimeoutMs?: number;
  /**
   * Loads its own copies of the plugin objects (their enabled state included), apart from any
   * other loader in this process that passes another instance: one per service instance.
   */
  instance?: string;
}

export interface LoadFailure {
  /** Folder name (possibly invalid, as found on disk). */
  name: string;
  /** Folder the plugin was found in (the built-in or the user folder). */
  dir: string;
  error: string;
}

export interface LoadResult {
  plugins: Map<string, Runner>;
  failures: LoadFailure[];
}

export async function loadPlugins(options: LoadOptions): Promise<LoadResult> {
  const plugins = new Map<string, Runner>();
  const failures: LoadFailure[] = [];
  const importTimeoutMs = options.importTimeoutMs ?? DEFAULT_IMPORT_TIMEOUT_MS;

  const sources: { dir: string; builtin: boolean }[] = [{ dir: path.resolve(options.builtinDir), builtin: true }];
  if (options.userDir !== undefined && options.userDir !== '') sources.push({ dir: path.resolve(options.userDir), builtin: false });

  for (const { dir, builtin } of sources) {
    let entries: string[];
    try {
      entries = (await readdir(dir)).sort();
    } catch (err) {
      // A missing user folder is normal (nothing added yet); a missing built-in folder is not.
      if (!builtin && (err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      failures.push({ name: '', dir, error: `cannot read plugin folder: ${messageOf(err)}` });
      continue;
    }

    for (const name of entries) {
      if (name.startsWith('.')) continue; // hidden folders (.git, .cache) are never plugins
      if (!PLUGIN_NAME.test(name)) {
        // Only report folders: a stray file in the plugin folder is not a plugin with a bad name.
        if (await isDirectory(path.join(dir, name))) {
          failures.push({ name, dir, error: `invalid plugin folder name ${JSON.stringify(name)} (must match ${PLUGIN_NAME.source})` });
        }
        continue;
      }
      const folder = path.join(dir, name);
      if (!(await isDirectory(folder))) continue;
      const index = await findIndex(folder);
      if (index === null) continue; // not a plugin folder

      if (plugins.has(name)) {
        failures.push({ name, dir, error: `a built-in plugin is already named ${JSON.stringify(name)}; the user plugin is skipped` });
        continue;
      }
      try {
        const url = pathToFileURL(index);
        const query = new URLSearchParams();
        if (options.instance) query.set('instance', options.instance);
        if (!builtin) query.set('v', await folderVersion(folder));
        url.search = query.toString();
        const mod = await withTimeout(
          import(/* @vite-ignore */ url.href),
          importTimeoutMs,
          `import did not finish within ${importTimeoutMs} ms`,
        );
        const runner = checkRunner((mod as { P?: unknown }).P, name);
        plugins.set(name, guardRunner(runner));
      } catch (err) {
        failures.push({ name, dir, error: messageOf(err) });
      }
    }
  }
  return { plugins, failures };
}

/** Throws a readable Error unless `value` fits the Runner contract and is named `name`. */
export function checkRunner(value: unknown, name: string): Runner {
  if (value === undefined) throw new Error('the module does not export P');
  if (typeof value !== 'object' || value === null) throw new Error(`P must be an object, got ${value === null ? 'null' : typeof value}`);
  const p = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of ['name', 'description', 'paramsHelp']) {
    if (typeof p[key] !== 'string') problems.push(`P.${key} must be a string`);
  }
  for (const key of ['enable', 'disable', 'status', 'validate', 'run']) {
    if (typeof p[key] !== 'function') problems.push(`P.${key} must be a function`);
  }
  if (problems.length > 0) throw new Error(`P does not implement the Runner contract: ${problems.join('; ')}`);
  if (p.name !== name) throw new Error(`P.name ${JSON.stringify(p.name)} does not match the folder name ${JSON.stringify(name)}`);
  let status: unknown;
  try {
    status = (value as Runner).status();
  } catch (err) {
    throw new Error(`P.status() threw: ${messageOf(err)}`, { cause: err });
  }
  if (!isStatus(status)) throw new Error('P.status() must return { enabled: boolean, available: boolean, detail: string | null }');
  return value as Runner;
}

const guards = new WeakMap<Runner, Runner>();

/** Wraps a runner so its failures stay inside the contract; the same runner always gets the same wrapper. */
export function guardRunner(inner: Runner): Runner {
  const existing = guards.get(inner);
  if (existing) return existing;
  const guard: Runner = {
    get name() {
      return inner.name;
    },
    get description() {
      return inner.description;
    },
    get paramsHelp() {
      return inner.paramsHelp;
    },
    enable: () => inner.enable(),
    disable: () => inner.disable(),
    status: (): PluginStatus => {
      try {
        const status: unknown = inner.status();
        if (isStatus(status)) return { enabled: status.enabled, available: status.available, detail: status.detail };
        return { enabled: false, available: false, detail: 'plugin returned an invalid status' };
      } catch (err) {
        return { enabled: false, available: false, detail: `status failed: ${messageOf(err)}` };
      }
    },
    validate: (params: string[]): string[] => {
      try {
        const out: unknown = inner.validate(params);
        if (!Array.isArray(out) || !out.every((p) => typeof p === 'string')) {
          throw new Error(`plugin ${inner.name}: validate() must return a list of strings`);
        }
        return out;
      } catch (err) {
        throw normaliseError(err, inner.name);
      }
    },
    run: (params: string[], opts: RunOptions): RunHandle => {
      let handle: RunHandle;
      try {
        handle = inner.run(params, opts);
      } catch (err) {
        throw normaliseError(err, inner.name);
      }
      return guardHandle(handle, inner.name);
    },
  };
  guards.set(inner, guard);
  return guard;
}

function guardHandle(handle: RunHandle, plugin: string): RunHandle {
  if (typeof handle !== 'object' || handle === null || typeof handle.onOutput !== 'function' || typeof handle.cancel !== 'function') {
    throw new Error(`plugin ${plugin}: run() did not return a run handle`);
  }
  const command = Array.isArray(handle.command) ? handle.command.map(String) : [plugin];
  const startedAt = Date.now();
  const failed = (error: string): RunResult => runResult({ command, error, startedAt });
  return {
    command,
    pid: typeof handle.pid === 'number' ? handle.pid : null,
    onOutput: (listener: (line: OutputLine) => void) => {
      try {
        const off = handle.onOutput(listener);
        return typeof off === 'function' ? off : () => {};
      } catch {
        return () => {};
      }
    },
    cancel: () => {
      try {
        handle.cancel();
      } catch {
        // a plugin's broken cancel must not break the caller
      }
    },
    result: Promise.resolve(handle.result).then(
      (result) => (typeof result === 'object' && result !== null ? result : failed(`plugin ${plugin}: run produced no result`)),
      (err: unknown) => failed(`plugin ${plugin} failed: ${messageOf(err)}`),
    ),
  };
}

/** Maps errors by name onto this module's classes so `instanceof` works for plugins that could not import them. */
function normaliseError(err: unknown, plugin: string): Error {
  if (err instanceof PluginParamError || err instanceof PluginDisabledError) return err;
  if (err instanceof Error && err.name === 'PluginParamError') return new PluginParamError(err.message);
  if (err instanceof Error && err.name === 'PluginDisabledError') return new PluginDisabledError(plugin);
  return err instanceof Error ? err : new Error(String(err));
}

function isStatus(value: unknown): value is PluginStatus {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return typeof s.enabled === 'boolean' && typeof s.available === 'boolean' && (s.detail === null || typeof s.detail === 'string');
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory(); // follows symlinks: a linked plugin folder is fine
  } catch {
    return false;
  }
}

async function findIndex(folder: string): Promise<string | null> {
  for (const file of INDEX_FILES) {
    const candidate = path.join(folder, file);
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // try the next one
    }
  }
  return null;
}

/** Changes whenever a file directly in the folder (or one level down) is added, removed, resized or touched. */
async function folderVersion(folder: string): Promise<string> {
  let hash = 0x811c9dc5;
  const add = (text: string): void => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  };
  const walk = async (dir: string, depth: number): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(dir)).sort().slice(0, 500);
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        const s = await stat(file);
        add(`${path.relative(folder, file)}:${s.size}:${s.mtimeMs}`);
        if (s.isDirectory() && depth < 1 && name !== 'node_modules') await walk(file, depth + 1);
      } catch {
        // vanished meanwhile
      }
    }
  };
  await walk(folder, 0);
  return hash.toString(36);
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
