import { randomUUID } from 'node:crypto';
import { loadPlugins } from '../../plugins/loader.ts';
import type { Runner } from '../../plugins/runner.ts';
import type { PluginInfo } from '../contract/index.ts';

export interface PluginFailure {
  name: string;
  dir: string;
  error: string;
}

/** The loaded plugins: the built-in folder plus an optional user folder, rescanned on demand. */
export class PluginCatalog {
  private plugins = new Map<string, Runner>();
  private failures: PluginFailure[] = [];
  private readonly builtinDir: string;
  private readonly userDir: string | null;
  /** Each catalog has its own plugin objects, so two services in one process never share enabled states. */
  private readonly instance = randomUUID();

  constructor(builtinDir: string, userDir: string | null) {
    this.builtinDir = builtinDir;
    this.userDir = userDir;
  }

  /** Loads (or reloads) every plugin; an unchanged plugin comes back as the same object, so its enabled state survives. */
  async scan(): Promise<void> {
    const found = await loadPlugins({ builtinDir: this.builtinDir, userDir: this.userDir ?? undefined, instance: this.instance });
    this.plugins = found.plugins;
    this.failures = found.failures.map((f) => ({ name: f.name, dir: f.dir, error: f.error }));
  }

  get(name: string): Runner | undefined {
    return this.plugins.get(name);
  }

  info(runner: Runner): PluginInfo {
    const status = runner.status();
    return { name: runner.name, description: runner.description, paramsHelp: runner.paramsHelp, ...status };
  }

  view(): { plugins: PluginInfo[]; failures: PluginFailure[] } {
    return { plugins: [...this.plugins.values()].map((r) => this.info(r)), failures: [...this.failures] };
  }
}
