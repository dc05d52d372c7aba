import { createServer } from 'node:http';
import { listen } from '../../core/listen.ts';
import type { Logger } from '../../core/logger.ts';
import type { LookingGlass } from '../looking-glass.ts';
import type { LookingGlassRepository } from '../storage/repository.ts';
import { WorkerPool } from '../workers/pool.ts';
import { createLookingGlassHandler, createLookingGlassServer } from './server.ts';

export interface ServeOptions {
  host: string;
  port: number;
  /** Processes sharing the port, this one included. */
  workers: number;
  secret: string;
  tokenTtlSeconds: number;
  repo: LookingGlassRepository;
  logger: Logger;
}

export interface Serving {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the API on its port. With more than one worker, the extra processes listen on the same
 * port (SO_REUSEPORT: the kernel spreads connections evenly) and answer the hot path themselves;
 * what they pass on reaches this process through a loopback listener running the same handler.
 */
export async function serveLookingGlass(lg: LookingGlass, opts: ServeOptions): Promise<Serving> {
  const handler = createLookingGlassHandler(lg, opts.logger);
  const shared = opts.workers > 1;
  // SO_REUSEPORT would also share the port with anyone else listening there with it: check first.
  if (shared && opts.port !== 0) await (await listen(createServer(), opts.host, opts.port, 'lookingglassPort')).close();
  const listening = await listen(createLookingGlassServer(handler), opts.host, opts.port, 'lookingglassPort', { reusePort: shared });
  if (!shared) return { url: listening.url, close: listening.close };

  const owner = await listen(createLookingGlassServer(handler), '127.0.0.1', 0, null);
  const pool = new WorkerPool({
    count: opts.workers - 1,
    host: opts.host,
    port: listening.address.port,
    ownerPort: owner.address.port,
    secret: opts.secret,
    tokenTtlSeconds: opts.tokenTtlSeconds,
    // Tags are mirrored only where no one else can change them (the embedded store).
    tagSnapshot: async () => (opts.repo.exclusive ? opts.repo.listTags() : []),
    logger: opts.logger,
  });
  // Attached before the workers start, so every tag change from now on reaches them.
  if (opts.repo.exclusive) lg.mirrorTagsTo(pool);
  try {
    await pool.start();
  } catch (err) {
    await Promise.all([listening.close(), owner.close()]);
    throw err;
  }
  return {
    url: listening.url,
    async close() {
      // Workers first: what they pass on still needs this process's loopback listener.
      await pool.close();
      await Promise.all([listening.close(), owner.close()]);
    },
  };
}
