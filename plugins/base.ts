/**
 * The common part of every built-in plugin: name/description/help, the enabled toggle, status,
 * and `run` = disabled check → validate → check options → start. Subclasses supply availability
 * (process plugins: is the binary on PATH) and how a validated run starts.
 */
import { PluginDisabledError, type PluginStatus, type RunHandle, type Runner, type RunOptions } from './runner.ts';

export interface PluginInfo {
  name: string;
  description: string;
  paramsHelp: string;
  /** Initial state; each plugin decides (the Go originals all started disabled). */
  enabled: boolean;
  /** Checks params and returns them normalised; throws PluginParamError. */
  validate(params: string[]): string[];
}

export abstract class PluginBase implements Runner {
  readonly name: string;
  readonly description: string;
  readonly paramsHelp: string;
  #enabled: boolean;
  readonly #validate: (params: string[]) => string[];

  constructor(info: PluginInfo) {
    this.name = info.name;
    this.description = info.description;
    this.paramsHelp = info.paramsHelp;
    this.#enabled = info.enabled;
    this.#validate = info.validate;
  }

  enable(): void {
    this.#enabled = true;
  }

  disable(): void {
    this.#enabled = false;
  }

  status(): PluginStatus {
    return { enabled: this.#enabled, ...this.availability() };
  }

  validate(params: string[]): string[] {
    return this.#validate(params);
  }

  run(params: string[], opts: RunOptions): RunHandle {
    if (!this.#enabled) throw new PluginDisabledError(this.name);
    const checked = this.validate(params);
    checkRunOptions(opts);
    return this.start(checked, opts);
  }

  /** Whether the plugin can run here; the default is always. */
  protected availability(): Omit<PluginStatus, 'enabled'> {
    return { available: true, detail: null };
  }

  /** Starts a run with already validated params and checked options. */
  protected abstract start(params: string[], opts: RunOptions): RunHandle;
}

/** Throws RangeError on options the caller (the service) got wrong; they are not user input. */
export function checkRunOptions(opts: RunOptions): void {
  if (typeof opts !== 'object' || opts === null) throw new RangeError('run options are required');
  if (typeof opts.timeoutMs !== 'number' || !Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) {
    throw new RangeError(`timeoutMs must be a positive finite number, got ${String(opts.timeoutMs)}`);
  }
  // setTimeout clamps anything above 2^31-1 ms to 1 ms, which would kill every run at once.
  if (opts.timeoutMs > 2_147_483_647) throw new RangeError('timeoutMs must be at most 2147483647');
  if (!Number.isSafeInteger(opts.maxOutputBytes) || opts.maxOutputBytes < 0) {
    throw new RangeError(`maxOutputBytes must be a non-negative integer, got ${String(opts.maxOutputBytes)}`);
  }
}
