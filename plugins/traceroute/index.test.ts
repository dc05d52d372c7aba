import { describe, expect, it } from 'vitest';
import { PluginParamError } from '../runner.ts';
import { describeToggle, hasBinary, OPTS } from '../testing.ts';
import { P } from './index.ts';

describeToggle(P, true);

describe('traceroute', () => {
  it('validates [host, maxHops?] and fills the default', () => {
    expect(P.validate(['example.com'])).toEqual(['example.com', '15']);
    expect(P.validate(['10.0.0.1', '30'])).toEqual(['10.0.0.1', '30']);
    expect(P.validate(P.validate(['example.com']))).toEqual(['example.com', '15']);
  });

  it.each([
    [[''], /host is required/],
    [['-I'], /must not start with "-"/],
    [['a;b'], /disallowed character ";"/],
    [['$(reboot)'], /disallowed character/],
    [['../etc/passwd'], /must not contain "\.\."/],
    [['127.0.0.1', '0'], /maxHops must be from 1 to 30/],
    [['127.0.0.1', '31'], /maxHops must be from 1 to 30/],
    [['127.0.0.1', 'ten'], /whole number/],
  ])('rejects %j', (params, message) => {
    expect(() => P.validate(params as string[])).toThrow(PluginParamError);
    expect(() => P.validate(params as string[])).toThrow(message);
  });

  it.skipIf(!hasBinary('traceroute'))('traces 127.0.0.1 in one hop (binary: traceroute)', async () => {
    const handle = P.run(['127.0.0.1', '3'], OPTS);
    expect(handle.command).toEqual(['traceroute', '-m', '3', '-w', '2', '127.0.0.1']);
    const result = await handle.result;
    expect(result.error, result.stderr.join('\n')).toBeNull();
    expect(result.exitCode, result.stderr.join('\n')).toBe(0);
    expect(result.stdout.join('\n')).toMatch(/^traceroute to 127\.0\.0\.1/m);
    expect(result.stdout.join('\n')).toMatch(/^\s*1\s+.*127\.0\.0\.1/m);
  });
});
