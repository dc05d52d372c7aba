/**
 * Test helpers for plugin tests (not used at run time): shared run options and the standard
 * enable/disable/status checks every plugin's test file runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PluginDisabledError, type Runner, type RunOptions } from './runner.ts';

export { hasBinary } from './binary.ts';

export const OPTS: RunOptions = { timeoutMs: 15_000, maxOutputBytes: 64 * 1024 };

/** enable/disable/status for `plugin`, whose initial state is `initiallyEnabled`; the state is restored after each test. */
export function describeToggle(plugin: Runner, initiallyEnabled: boolean): void {
  describe(`${plugin.name}: enable / disable / status`, () => {
    afterEach(() => {
      if (initiallyEnabled) plugin.enable();
      else plugin.disable();
    });

    it(`starts ${initiallyEnabled ? 'enabled' : 'disabled'}`, () => {
      expect(plugin.status().enabled).toBe(initiallyEnabled);
    });

    it('has a name, a one-line description and params help', () => {
      expect(plugin.name).toMatch(/^[a-z]+$/);
      expect(plugin.description.length).toBeGreaterThan(10);
      expect(plugin.description).not.toContain('\n');
      expect(plugin.paramsHelp.length).toBeGreaterThan(0);
      expect(plugin.paramsHelp).not.toContain('\n');
    });

    it('enable → enabled, disable → disabled; enable is idempotent', () => {
      plugin.enable();
      plugin.enable();
      expect(plugin.status().enabled).toBe(true);
      plugin.disable();
      expect(plugin.status().enabled).toBe(false);
    });

    it('status has the contract shape', () => {
      const status = plugin.status();
      expect(Object.keys(status).sort()).toEqual(['available', 'detail', 'enabled']);
      expect(typeof status.available).toBe('boolean');
      if (status.available) expect(status.detail).toBeNull();
      else expect(status.detail).toEqual(expect.any(String));
    });

    it(`run while disabled throws "plugin ${plugin.name} is disabled"`, () => {
      plugin.disable();
      expect(() => plugin.run([], OPTS)).toThrow(PluginDisabledError);
      expect(() => plugin.run([], OPTS)).toThrow(`plugin ${plugin.name} is disabled`);
    });
  });
}
