import { createServer, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../core/listen.ts';
import { silentLogger } from '../../test/helpers.ts';
import { createTokenService } from '../auth.ts';
import { WorkerPool } from './pool.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function freePort(): Promise<number> {
  const probe = await listen(createServer(), '127.0.0.1', 0, null);
  await probe.close();
  return probe.address.port;
}

function put(port: number, path: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'PUT', headers: { Authorization: token }, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('WorkerPool', () => {
  it('a worker starting while tags change still ends up with exactly the current tags', async () => {
    // What the worker passes on lands here and answers 599, so a test can tell who answered.
    const owner: Listening = await listen(
      createServer((_req, res) => res.writeHead(599).end()),
      '127.0.0.1',
      0,
      null,
    );
    cleanups.push(owner.close);
    const port = await freePort();
    // The store the snapshot reads; the first read is slow, and a removal of "a" overtakes it.
    const stored = new Set(['a', 'b']);
    let snapshotRead!: () => void;
    const reading = new Promise<void>((resolve) => (snapshotRead = resolve));
    let reads = 0;
    const pool = new WorkerPool({
      count: 1,
      host: '127.0.0.1',
      port,
      ownerPort: owner.address.port,
      secret: 'pool-secret',
      tokenTtlSeconds: 60,
      async tagSnapshot() {
        const seen = [...stored];
        if (reads++ === 0) {
          snapshotRead();
          // Long enough for the worker to load and confirm the removal before the read returns.
          await new Promise((r) => setTimeout(r, 1500));
        }
        return seen;
      },
      logger: silentLogger(),
    });
    cleanups.push(() => pool.close());
    const started = pool.start();
    await reading;
    // As the service does it: workers let go, the store removes, then the removal is over.
    await pool.removing('a');
    stored.delete('a');
    pool.removed('a');
    stored.add('c');
    pool.added('c');
    await started;
    const token = `Bearer ${createTokenService('pool-secret', 60).issue(1)}`;
    expect(await put(port, '/tags/a', token)).toBe(599);
    expect(await put(port, '/tags/b', token)).toBe(200);
    expect(await put(port, '/tags/c', token)).toBe(200);
    expect(await put(port, '/tags/d', token)).toBe(599);
    expect(await put(port, '/tags/b', 'Bearer forged')).toBe(401);
  });
});
