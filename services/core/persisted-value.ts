import { chmodSync, readFileSync, writeFileSync } from 'node:fs';

/** A value made once and kept in a file (0600): read it if it exists, else create it; two racing first runs agree. */
export function persistedValue(file: string, make: () => string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  try {
    writeFileSync(file, make(), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readFileSync(file, 'utf8').trim();
}
