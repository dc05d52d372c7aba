import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGoRef, goRefToken } from './lib/go-ref.ts';
import { freePort, startProcess, waitForHttp, type Started } from './lib/processes.ts';
import { medianBy, wrk, type WrkResult } from './lib/wrk.ts';
import type { BenchOptions } from './lib/options.ts';

const root = join(import.meta.dirname, '..');

interface Route {
  name: string;
  method: string;
  path: string;
}
const routes: Route[] = [
  { name: 'GET /', method: 'GET', path: '/' },
  { name: 'PUT /tags/worker1', method: 'PUT', path: '/tags/worker1' },
];

/**
 * The seed's bombardier runs (125 connections, bearer token) with wrk, against Looking Glass and
 * the Go peer in the same run, one after the other; prints req/s, p50/p99 and the ratio.
 */
export async function benchLookingGlass(opts: BenchOptions): Promise<void> {
  const secret = 'bench-secret';
  const goRef = await buildGoRef();
  if (!goRef) throw new Error('the Go peer is missing (../shared/bench/go-ref); nothing to compare against');
  const token = await goRefToken(goRef, secret);

  const dataDir = mkdtempSync(join(tmpdir(), 'lg-bench-'));
  const lgPort = await freePort();
  const goPort = await freePort();
  const servers: Started[] = [];
  try {
    servers.push(startProcess(goRef, ['lg', `127.0.0.1:${goPort}`], { SECRET: secret }));
    servers.push(
      startProcess(
        process.execPath,
        [
          join(root, 'bin', 'observatory.js'),
          'serve',
          '--only',
          'lookingglass',
          '--port',
          '0',
          '--lookingglass-port',
          String(lgPort),
          '--lookingglass-workers',
          String(opts.workers),
          '--data-dir',
          dataDir,
        ],
        {
          SECRET: secret,
          ADMIN_PASSWORD: 'bench-admin',
          OBSERVATORY_LOG_LEVEL: 'warn',
          NODE_ENV: 'production',
        },
      ),
    );
    const targets = { 'Looking Glass': `http://127.0.0.1:${lgPort}`, 'Go peer': `http://127.0.0.1:${goPort}` };
    await Promise.all(Object.values(targets).map((u) => waitForHttp(u)));
    // Warm both (JIT, first tag insert) before measuring.
    for (const base of Object.values(targets)) {
      await fetch(`${base}/tags/worker1`, { method: 'PUT', headers: { Authorization: token } });
      await wrk({ url: `${base}/`, connections: 16, seconds: 2, headers: { Authorization: token } });
    }
    console.log(
      `Looking Glass vs Go peer — wrk -t1 -c${opts.connections} -d${opts.seconds}s × ${opts.rounds} alternating rounds, bearer HS512, loopback, Looking Glass --lookingglass-workers ${opts.workers}, ${new Date().toISOString()}`,
    );
    console.log(
      `${'route'.padEnd(20)} ${'target'.padEnd(14)} ${'req/s (median)'.padStart(15)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)}  rounds`,
    );
    for (const route of routes) {
      const rounds: Record<string, WrkResult[]> = { 'Looking Glass': [], 'Go peer': [] };
      // Alternate the two targets round by round, so a noisy neighbour hits both alike.
      for (let round = 0; round < opts.rounds; round++) {
        for (const [name, base] of Object.entries(targets)) {
          rounds[name]?.push(
            await wrk({
              url: `${base}${route.path}`,
              method: route.method,
              connections: opts.connections,
              seconds: opts.seconds,
              headers: { Authorization: token },
            }),
          );
        }
      }
      const medians: Record<string, number> = {};
      for (const [name, results] of Object.entries(rounds)) {
        const m = medianBy(results, (r) => r.requestsPerSec);
        medians[name] = m.requestsPerSec;
        const errors = results.reduce((n, r) => n + r.non2xx3xx + (r.socketErrors ? 1 : 0), 0);
        const each = results.map((r) => r.requestsPerSec.toFixed(0)).join(' ');
        console.log(
          `${route.name.padEnd(20)} ${name.padEnd(14)} ${m.requestsPerSec.toFixed(0).padStart(15)} ${m.p50Ms.toFixed(2).padStart(8)} ${m.p99Ms.toFixed(2).padStart(8)} ${String(errors).padStart(7)}  ${each}`,
        );
      }
      const ratios = (rounds['Looking Glass'] ?? []).map((r, i) => r.requestsPerSec / (rounds['Go peer']?.[i]?.requestsPerSec ?? NaN));
      console.log(
        `${route.name.padEnd(20)} ratio (ours / Go peer): ${((medians['Looking Glass'] ?? 0) / (medians['Go peer'] ?? 1)).toFixed(2)}× of medians; per round ${ratios.map((r) => r.toFixed(2)).join(' ')}`,
      );
    }
  } finally {
    const codes = await Promise.all(servers.map((s) => s.stop()));
    rmSync(dataDir, { recursive: true, force: true });
    if (codes[1] !== 0) console.log(`note: observatory exited with ${codes[1]} on SIGTERM`);
  }
}
