import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The Go standard-library peer in ../shared/bench/go-ref, built fresh for this run. */
export const goRefSource = join(import.meta.dirname, '..', '..', '..', 'shared', 'bench', 'go-ref');

export async function buildGoRef(): Promise<string | null> {
  if (!existsSync(join(goRefSource, 'main.go'))) return null;
  const out = join(mkdtempSync(join(tmpdir(), 'go-ref-')), 'go-ref');
  await run('go', ['build', '-o', out, '.'], {
    cwd: goRefSource,
    env: { ...process.env, GO111MODULE: 'off', GOCACHE: join(tmpdir(), 'go-cache') },
  });
  return out;
}

export async function goRefToken(bin: string, secret: string): Promise<string> {
  return (await run(bin, ['token', secret])).stdout.trim();
}
