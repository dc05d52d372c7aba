import { describe, expect, it } from 'vitest';
import { PluginParamError } from '../runner.ts';
import { describeToggle, hasBinary, OPTS } from '../testing.ts';
import { P } from './index.ts';

describeToggle(P, true);

describe('ping', () => {
  it('validates [host, count?] and fills the default count', () => {
    expect(P.validate(['example.com'])).toEqual(['example.com', '4']);
    expect(P.validate(['127.0.0.1', '1'])).toEqual(['127.0.0.1', '1']);
    expect(P.validate(['::1', '10'])).toEqual(['::1', '10']);
    expect(P.validate(['127.0.0.1', '04'])).toEqual(['127.0.0.1', '4']);
    // normalised params validate to themselves (the service validates, then runs with the result)
    expect(P.validate(P.validate(['example.com']))).toEqual(['example.com', '4']);
  });

  it.each([
    [[], /expected 1 to 2 params/],
    [[''], /host is required/],
    [['-f'], /must not start with "-"/],
    [['-oProxyCommand=x'], /must not start with "-"/],
    [['127.0.0.1;id'], /disallowed character ";"/],
    [['$(id)'], /disallowed character/],
    [['..'], /must not contain "\.\."/],
    [['a..b'], /must not contain "\.\."/],
    [['host name'], /disallowed character " "/],
    [['exa_mple.com'], /must be a hostname or an IP address/],
    [['999.1.1.1'], /must be a hostname or an IP address/],
    [['127.1'], /must be a hostname or an IP address/],
    [['x'.repeat(256)], /too long/],
    [['127.0.0.1', '0'], /count must be from 1 to 10/],
    [['127.0.0.1', '11'], /count must be from 1 to 10/],
    [['127.0.0.1', '-1'], /must not start with "-"/],
    [['127.0.0.1', '1.5'], /whole number/],
    [['127.0.0.1', '1', 'extra'], /expected 1 to 2 params/],
  ])('rejects %j', (params, message) => {
    expect(() => P.validate(params as string[])).toThrow(PluginParamError);
    expect(() => P.validate(params as string[])).toThrow(message);
  });

  it.skipIf(!hasBinary('ping'))('pings 127.0.0.1 once (binary: ping)', async () => {
    const handle = P.run(['127.0.0.1', '1'], OPTS);
    expect(handle.command).toEqual(['ping', '-c', '1', '-W', '2', '127.0.0.1']);
    const result = await handle.result;
    expect(result.error, result.stderr.join('\n')).toBeNull();
    expect(result.exitCode, result.stderr.join('\n')).toBe(0);
    expect(result.stdout.join('\n')).toMatch(/1 packets transmitted, 1 (packets )?received/);
  });

  it.skipIf(!hasBinary('ping'))('a timeout kills a long ping and marks timedOut (binary: ping)', async () => {
    const handle = P.run(['127.0.0.1', '10'], { timeoutMs: 1_500, maxOutputBytes: 64 * 1024 });
    const result = await handle.result;
    expect(result.timedOut).toBe(true);
    expect(result.error).toBe('timed out after 1500 ms');
    expect(result.stoppedAt - result.startedAt).toBeLessThan(5_000);
    expect(result.exitCode === null ? result.signal : 'exited').not.toBe('exited'); // ended by a signal, not by finishing
  });

  it.skipIf(!hasBinary('ping'))('cancel stops a running ping (binary: ping)', async () => {
    const handle = P.run(['127.0.0.1', '10'], OPTS);
    await new Promise<void>((resolve) => handle.onOutput(() => resolve())); // running and talking
    handle.cancel();
    const result = await handle.result;
    expect(result).toMatchObject({ cancelled: true, timedOut: false, error: 'cancelled' });
    expect(result.stoppedAt - result.startedAt).toBeLessThan(5_000);
  });
});
