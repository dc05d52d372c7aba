import { afterEach, describe, expect, it } from 'vitest';
import { PluginDisabledError, PluginParamError } from '../runner.ts';
import { describeToggle, hasBinary, OPTS } from '../testing.ts';
import { P } from './index.ts';

describeToggle(P, false);

describe('echo', () => {
  afterEach(() => P.disable());

  it('run while disabled throws PluginDisabledError with the original message', () => {
    expect(P.status().enabled).toBe(false);
    let caught: unknown;
    try {
      P.run(['Hello'], OPTS);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PluginDisabledError);
    expect((caught as Error).message).toBe('plugin echo is disabled');
  });

  it.skipIf(!hasBinary('echo'))('run([]) prints one empty line (binary: echo)', async () => {
    P.enable();
    const handle = P.run([], OPTS);
    expect(handle.command).toEqual(['echo']);
    const result = await handle.result;
    expect(result.stdout).toEqual(['']);
    expect(result.stderr).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.error).toBeNull();
  });

  it.skipIf(!hasBinary('echo'))('run(["Hello"]) prints "Hello" and streams it (binary: echo)', async () => {
    P.enable();
    const handle = P.run(['Hello'], OPTS);
    const streamed: string[] = [];
    handle.onOutput((line) => streamed.push(`${line.stream}:${line.line}`));
    const result = await handle.result;
    expect(result.stdout).toEqual(['Hello']);
    expect(streamed).toEqual(['stdout:Hello']);
    expect(result).toMatchObject({
      command: ['echo', 'Hello'],
      exitCode: 0,
      signal: null,
      timedOut: false,
      cancelled: false,
      truncated: false,
    });
    expect(typeof handle.pid).toBe('number');
    expect(result.stoppedAt).toBeGreaterThanOrEqual(result.startedAt);
  });

  it('rejects options and shell syntax before anything runs', () => {
    P.enable();
    for (const bad of [['-n', 'x'], ['-e'], ['a;b'], ['$(id)'], ['`id`'], ['a|b'], ['..'], ['a\u0000b'], ['']]) {
      expect(() => P.run(bad, OPTS), JSON.stringify(bad)).toThrow(PluginParamError);
    }
    expect(() => P.validate(Array.from({ length: 9 }, () => 'w'))).toThrow(/expected 0 to 8 params/);
  });
});
