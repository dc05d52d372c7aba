import { loadPlugins } from '../../plugins/loader.ts';
import type { Runner } from '../../plugins/runner.ts';
import type { PluginInfo } from '../contract/index.ts';

export interface PluginFailure {
  name: string;
  error: string;
}

/** The loaded plugins: the built-in folder plus an optional user folder, rescanned on demand. */
export class PluginCatalog {
  private plugins = new Map<string, Runner>();
  private failures: PluginFailure[] = [];
  private readonly builtinDir: string;
  private readonly userDir: string | null;

  constructor(builtinDir: string, userDir: string | null) {
    this.builtinDir = builtinDir;
    this.userDir = userDir;
  }

  /** Loads (or reloads) every plugin; an already loaded plugin keeps its object, so its enabled state survives. */
  async scan(): Promise<void> {
    const found = await loadPlugins(this.userDir ? { builtinDir: this.builtinDir, userDir: this.userDir } : { builtinDir: this.builtinDir });
    const next = new Map<string, Runner>();
    for (const [name, runner] of found.plugins) next.set(name, this.plugins.get(name) ?? runner);
    this.plugins = next;
    this.failures = found.failures.map((f) => ({ name: f.name, error: f.error }));
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
