/**
 * Finds an executable the way a shell would, without a shell or `which`: each absolute folder on
 * PATH in order, then the standard sbin folders (Debian keeps `traceroute` in /usr/sbin, which is not
 * on a normal user's PATH there). Relative PATH entries (`.`, empty) are skipped: they would make
 * the result depend on the current folder.
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

const SBIN_FALLBACKS = process.platform === 'win32' ? [] : ['/usr/local/sbin', '/usr/sbin', '/sbin'];

export interface FindBinaryOptions {
  /** PATH to search instead of process.env.PATH. */
  pathEnv?: string | undefined;
  /** Also look in /usr/local/sbin, /usr/sbin, /sbin (default true). */
  sbinFallback?: boolean;
}

/** Absolute path of the executable `name`, or null. `name` must be a bare file name or an absolute path. */
export function findBinary(name: string, options: FindBinaryOptions = {}): string | null {
  if (name === '' || name.includes('\0')) return null;
  if (path.isAbsolute(name)) return isExecutableFile(name) ? name : null;
  if (name.includes('/') || name.includes('\\') || name === '.' || name === '..') return null;

  const pathEnv = 'pathEnv' in options ? options.pathEnv : process.env.PATH;
  const dirs = (pathEnv ?? '').split(path.delimiter).filter((dir) => dir !== '' && path.isAbsolute(dir));
  if (options.sbinFallback ?? true) {
    for (const dir of SBIN_FALLBACKS) if (!dirs.includes(dir)) dirs.push(dir);
  }
  const exts =
    process.platform === 'win32' && path.extname(name) === ''
      ? (process.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)
      : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return null;
}

export function hasBinary(name: string, options?: FindBinaryOptions): boolean {
  return findBinary(name, options) !== null;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
