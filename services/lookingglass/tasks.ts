import { randomUUID } from 'node:crypto';
import type { RunHandle, Runner } from '../../plugins/runner.ts';
import type { EventBus } from '../core/events.ts';
import type { Logger } from '../core/logger.ts';
import { pendingTask, type LookingGlassRepository, type TaskRecord } from './storage/repository.ts';

export interface TaskLimits {
  concurrency: number;
  queueLimit: number;
  timeoutMs: number;
  maxOutputBytes: number;
}

export class QueueFullError extends Error {
  constructor() {
    super('Worker is under heavy load. please try again later');
    this.name = 'QueueFullError';
  }
}

interface Queued {
  task: TaskRecord;
  runner: Runner;
}

/** Bounded queue + bounded concurrency; every task is persisted before it is acknowledged. */
export class TaskRunner {
  private readonly queue: Queued[] = [];
  private readonly running = new Map<string, RunHandle>();
  private readonly runningTasks = new Map<string, TaskRecord>();
  private readonly finishing = new Set<Promise<void>>();
  private lastCreatedAt = 0;
  private reserved = 0;
  private closed = false;
  private readonly repo: LookingGlassRepository;
  private readonly bus: EventBus;
  private readonly logger: Logger;
  private readonly limits: TaskLimits;
  private readonly nodeId: string;

  constructor(repo: LookingGlassRepository, bus: EventBus, logger: Logger, nodeId: string, limits: TaskLimits) {
    this.nodeId = nodeId;
    this.repo = repo;
    this.bus = bus;
    this.logger = logger;
    this.limits = limits;
  }

  /** A queued or running task as it is now (its output so far included), or undefined. */
  live(id: string): TaskRecord | undefined {
    return this.runningTasks.get(id) ?? this.queue.find((q) => q.task.id === id)?.task;
  }

  get queued(): number {
    return this.queue.length;
  }

  get active(): number {
    return this.running.size;
  }

  /** Persists a pending task and queues it; the caller has validated the plugin and its params. */
  async submit(userId: number, runner: Runner, params: string[]): Promise<TaskRecord> {
    if (this.closed) throw new QueueFullError();
    if (this.queue.length + this.reserved >= this.limits.queueLimit) throw new QueueFullError();
    // Strictly increasing so "the caller's latest task" is never ambiguous.
    this.lastCreatedAt = Math.max(Date.now(), this.lastCreatedAt + 1);
    const task = pendingTask({ id: randomUUID(), userId, plugin: runner.name, params, createdAt: this.lastCreatedAt, nodeId: this.nodeId });
    // The slot is held while the row is written; the task is queued only once it is stored.
    this.reserved++;
    try {
      await this.repo.insertTask(task);
    } finally {
      this.reserved--;
    }
    if (this.closed) {
      await this.finishQueued(task, 'failed', 'service stopped before the task ran');
      return task;
    }
    this.queue.push({ task, runner });
    this.publish(task);
    this.pump();
    return task;
  }

  /** Cancels a queued or running task; false when it is no longer either. */
  async cancel(id: string): Promise<boolean> {
    const index = this.queue.findIndex((q) => q.task.id === id);
    if (index >= 0) {
      const [entry] = this.queue.splice(index, 1);
      if (entry) await this.finishQueued(entry.task, 'cancelled', 'cancelled before it started');
      return true;
    }
    const handle = this.running.get(id);
    if (!handle) return false;
    handle.cancel();
    return true;
  }

  /** Disabling a plugin fails its queued tasks (as the seed README says); running ones go on. */
  async failQueuedOf(plugin: string): Promise<number> {
    // Taken out of the queue in one step, before any await lets the queue move on.
    const affected = this.queue.filter((q) => q.task.plugin === plugin);
    this.queue.splice(0, this.queue.length, ...this.queue.filter((q) => q.task.plugin !== plugin));
    for (const entry of affected) await this.finishQueued(entry.task, 'failed', `plugin ${plugin} was disabled before the task ran`);
    return affected.length;
  }

  /** Stops taking tasks, cancels the running ones, fails the queued ones, and waits until all are stored. */
  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.queue.splice(0)) await this.finishQueued(entry.task, 'failed', 'service stopped before the task ran');
    for (const handle of this.running.values()) handle.cancel();
    await Promise.all([...this.finishing]);
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.limits.concurrency && this.queue.length > 0) {
      const entry = this.queue.shift();
      if (entry) this.start(entry);
    }
  }

  private start({ task, runner }: Queued): void {
    let handle: RunHandle;
    try {
      handle = runner.run(task.params, { timeoutMs: this.limits.timeoutMs, maxOutputBytes: this.limits.maxOutputBytes });
    } catch (err) {
      // Disabled or invalid at run time: the task fails, the worker goes on.
      this.track(this.finishQueued(task, 'failed', (err as Error).message));
      return;
    }
    this.running.set(task.id, handle);
    this.runningTasks.set(task.id, task);
    Object.assign(task, { state: 'running', startedAt: Date.now(), pid: handle.pid, command: handle.command });
    this.publish(task);
    // The output so far stays readable while the task runs (the handle bounds what it streams).
    handle.onOutput((line) => {
      (line.stream === 'stdout' ? task.stdout : task.stderr).push(line.line);
      this.bus.emit('lookingglass:taskOutput', { taskId: task.id, stream: line.stream, line: line.line, at: line.at });
    });
    // The "running" row is best effort: the run is followed to its end whatever that write does,
    // so its slot, its cancel and its final state never depend on it.
    const runningStored = this.repo
      .updateTask(task.id, { state: 'running', startedAt: task.startedAt, pid: task.pid, command: task.command })
      .catch((err: unknown) => this.logger.error({ err, taskId: task.id }, 'could not store the task start'));
    this.track(
      handle.result
        .then(async (result) => {
          const state = result.cancelled ? 'cancelled' : result.exitCode === 0 && !result.error ? 'finished' : 'failed';
          Object.assign(task, {
            state,
            exitCode: result.exitCode,
            error: result.error,
            stdout: result.stdout,
            stderr: result.stderr,
            truncated: result.truncated,
            startedAt: result.startedAt,
            stoppedAt: result.stoppedAt,
          });
          await runningStored;
          await this.repo.updateTask(task.id, {
            state,
            exitCode: task.exitCode,
            error: task.error,
            stdout: task.stdout,
            stderr: task.stderr,
            truncated: task.truncated,
            startedAt: task.startedAt,
            stoppedAt: task.stoppedAt,
          });
        })
        .catch((err: unknown) => this.logger.error({ err, taskId: task.id }, 'could not store the task result'))
        .finally(() => {
          this.running.delete(task.id);
          this.runningTasks.delete(task.id);
          this.publish(task);
          this.pump();
        }),
    );
  }

  private async finishQueued(task: TaskRecord, state: 'failed' | 'cancelled', error: string): Promise<void> {
    Object.assign(task, { state, error, stoppedAt: Date.now() });
    try {
      await this.repo.updateTask(task.id, { state, error, stoppedAt: task.stoppedAt });
    } catch (err) {
      this.logger.error({ err, taskId: task.id }, 'could not store the task state');
    }
    this.publish(task);
  }

  private track(p: Promise<void>): void {
    this.finishing.add(p);
    void p.finally(() => this.finishing.delete(p));
  }

  private publish(task: TaskRecord): void {
    this.bus.emit('lookingglass:taskUpdated', toTaskSummary(task));
  }
}

export function toTaskSummary(t: TaskRecord) {
  return {
    id: t.id,
    userId: t.userId,
    plugin: t.plugin,
    params: t.params,
    command: t.command,
    state: t.state,
    exitCode: t.exitCode,
    error: t.error,
    createdAt: t.createdAt,
    startedAt: t.startedAt,
    stoppedAt: t.stoppedAt,
  };
}
