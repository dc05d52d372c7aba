import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface WrkResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx3xx: number;
  socketErrors: string | null;
}

const toMs = (value: string, unit: string) => Number(value) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit] ?? NaN);

export function parseWrk(output: string): WrkResult {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const p50 = /^\s+50%\s+([\d.]+)(us|ms|s|m)\b/m.exec(output);
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s|m)\b/m.exec(output);
  const total = /(\d+) requests in/.exec(output);
  if (!rps || !p50 || !p99 || !total) throw new Error(`cannot read wrk output:\n${output}`);
  const non = /Non-2xx or 3xx responses:\s+(\d+)/.exec(output);
  const errors = /Socket errors:(.*)/.exec(output);
  return {
    requestsPerSec: Number(rps[1]),
    p50Ms: toMs(p50[1] ?? '', p50[2] ?? ''),
    p99Ms: toMs(p99[1] ?? '', p99[2] ?? ''),
    requests: Number(total[1]),
    non2xx3xx: non ? Number(non[1]) : 0,
    socketErrors: errors ? (errors[1] ?? '').trim() : null,
  };
}

export interface WrkOptions {
  url: string;
  connections: number;
  seconds: number;
  method?: string;
  headers?: Record<string, string>;
  threads?: number;
}

/** One bounded wrk run (count of connections and seconds fixed) against a loopback URL. */
export async function wrk(opts: WrkOptions): Promise<WrkResult> {
  const host = new URL(opts.url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) throw new Error(`refusing to load a non-loopback target: ${host}`);
  const args = ['-t', String(opts.threads ?? 1), '-c', String(opts.connections), '-d', `${opts.seconds}s`, '--latency', '--timeout', '5s'];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}: ${v}`);
  if (opts.method && opts.method !== 'GET') {
    // wrk sets the method through a Lua script; the file is written by us, never from input.
    args.push('-s', await methodScript(opts.method));
  }
  args.push(opts.url);
  const { stdout } = await run('wrk', args, { timeout: (opts.seconds + 30) * 1000, maxBuffer: 1 << 20 });
  return parseWrk(stdout);
}

async function methodScript(method: string): Promise<string> {
  if (!/^[A-Z]+$/.test(method)) throw new Error(`bad method ${method}`);
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const file = join(mkdtempSync(join(tmpdir(), 'wrk-')), 'method.lua');
  writeFileSync(file, `wrk.method = "${method}"\n`);
  return file;
}

/** The element whose key is the median (the lower middle one for an even count). */
export function medianBy<T>(items: T[], key: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (middle === undefined) throw new Error('median of nothing');
  return middle;
}
