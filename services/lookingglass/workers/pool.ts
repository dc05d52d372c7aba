import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Logger } from '../../core/logger.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

export interface WorkerPoolOptions {
  /** Worker processes besides the owner. */
  count: number;
  /** The service's public address (the owner listens there with SO_REUSEPORT, and so does every worker). */
  host: string;
  port: number;
  /** Port of the owner's loopback listener that runs the full API for what workers pass on. */
  ownerPort: number;
  secret: string;
  tokenTtlSeconds: number;
  /** The tags to start a worker with; empty when tags may change elsewhere (a shared database). */
  tagSnapshot(): Promise<string[]>;
  logger: Logger;
}

/** How a worker is kept in step with tag changes; removals wait until every worker has let go. */
export interface TagMirror {
  added(tag: string): void;
  removing(tag: string): Promise<void>;
  removed(tag: string): void;
}

interface Slot {
  child: ChildProcess | null;
  ready: boolean;
  restarts: number[];
}

const entry = join(import.meta.dirname, 'worker-main.ts');
const ackTimeoutMs = 2000;

/** Worker processes for every core: they answer the hot path on the service's port and pass the rest on. */
export class WorkerPool implements TagMirror {
  private readonly slots: Slot[];
  private readonly removingTags = new Set<string>();
  private readonly pendingAcks = new Map<number, { waiting: Set<ChildProcess>; done: () => void }>();
  private seq = 0;
  /** Counts removals begun, so a worker's starting snapshot can tell it was overtaken by one. */
  private removalsBegun = 0;
  private closing = false;
  private readonly opts: WorkerPoolOptions;

  constructor(opts: WorkerPoolOptions) {
    this.opts = opts;
    this.slots = Array.from({ length: opts.count }, () => ({ child: null, ready: false, restarts: [] }));
  }

  /** Starts every worker; attach the pool as the tag mirror before, so no change is missed meanwhile. */
  async start(): Promise<void> {
    try {
      await Promise.all(this.slots.map((slot) => this.spawn(slot)));
    } catch (err) {
      await this.close();
      throw err;
    }
  }

  added(tag: string): void {
    this.broadcast({ type: 'tag-added', tag });
  }

  async removing(tag: string): Promise<void> {
    this.removingTags.add(tag);
    this.removalsBegun++;
    const seq = ++this.seq;
    // Every connected worker, started or starting: messages arrive in order, so one still starting
    // drops the tag right after its snapshot (which leaves out tags being removed anyway).
    const waiting = new Set(this.slots.flatMap((s) => (s.child?.connected ? [s.child] : [])));
    if (waiting.size === 0) return;
    const acked = new Promise<void>((done) => this.pendingAcks.set(seq, { waiting, done }));
    for (const child of waiting) child.send({ type: 'tag-removed', tag, seq } satisfies ToWorker);
    const timer = setTimeout(() => {
      // A worker that does not answer could still say the tag exists: it is replaced.
      for (const child of this.pendingAcks.get(seq)?.waiting ?? []) {
        this.opts.logger.warn({ pid: child.pid }, 'worker did not confirm a tag removal; restarting it');
        child.kill('SIGKILL');
      }
      this.settleAck(seq);
    }, ackTimeoutMs);
    await acked;
    clearTimeout(timer);
  }

  removed(tag: string): void {
    this.removingTags.delete(tag);
  }

  /** Tells every worker to stop taking connections and finish what it has; waits for them to exit. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.slots.map(async (slot) => {
        const child = slot.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        if (child.connected) child.send({ type: 'stop' } satisfies ToWorker);
        else child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private async spawn(slot: Slot): Promise<void> {
    const child = fork(entry, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [], serialization: 'json' });
    slot.child = child;
    slot.ready = false;
    child.on('message', (message: FromWorker) => {
      if (message.type === 'ready') slot.ready = true;
      if (message.type === 'tag-removed-ack') this.ack(message.seq, child);
    });
    child.on('exit', (code, signal) => {
      slot.ready = false;
      for (const [seq, pending] of this.pendingAcks) {
        // A worker that is gone holds no tags: its answer is not needed.
        if (pending.waiting.delete(child) && pending.waiting.size === 0) this.settleAck(seq);
      }
      if (this.closing) return;
      this.opts.logger.warn({ pid: child.pid, code, signal }, 'Looking Glass worker exited; restarting it');
      this.restart(slot);
    });
    // A removal that begins while the snapshot is read may not show in it: read again until none did.
    let tags: string[];
    let begun: number;
    do {
      begun = this.removalsBegun;
      tags = await this.opts.tagSnapshot();
    } while (begun !== this.removalsBegun);
    tags = tags.filter((t) => !this.removingTags.has(t));
    const { secret, tokenTtlSeconds, host, port, ownerPort } = this.opts;
    child.send({ type: 'init', secret, tokenTtlSeconds, host, port, ownerPort, tags } satisfies ToWorker);
    const ready = new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`a Looking Glass worker exited (${code}) before it was ready`)));
      child.on('message', (message: FromWorker) => message.type === 'ready' && resolve());
    });
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('a Looking Glass worker was not ready in 10 s')), 10_000).unref(),
    );
    await Promise.race([ready, timeout]);
  }

  private restart(slot: Slot): void {
    const now = Date.now();
    slot.restarts = slot.restarts.filter((t) => now - t < 60_000);
    if (slot.restarts.length >= 5) {
      this.opts.logger.error('a Looking Glass worker keeps exiting; it is not restarted again (the owner still serves every request)');
      slot.child = null;
      return;
    }
    slot.restarts.push(now);
    setTimeout(() => {
      if (this.closing) return;
      this.spawn(slot).catch((err: unknown) => this.opts.logger.error({ err }, 'could not restart a Looking Glass worker'));
    }, 500).unref();
  }

  private ack(seq: number, child: ChildProcess): void {
    const pending = this.pendingAcks.get(seq);
    if (pending?.waiting.delete(child) && pending.waiting.size === 0) this.settleAck(seq);
  }

  private settleAck(seq: number): void {
    const pending = this.pendingAcks.get(seq);
    this.pendingAcks.delete(seq);
    pending?.done();
  }

  private broadcast(message: ToWorker): void {
    for (const slot of this.slots) if (slot.child?.connected) slot.child.send(message);
  }
}
