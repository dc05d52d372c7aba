import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginParamError } from '../runner.ts';
import { describeToggle, OPTS } from '../testing.ts';
import { createTcpPlugin, P } from './index.ts';

describeToggle(P, false);

describe('tcp: validation', () => {
  it('validates [host, port]', () => {
    expect(P.validate(['127.0.0.1', '80'])).toEqual(['127.0.0.1', '80']);
    expect(P.validate(['example.com', '00443'])).toEqual(['example.com', '443']);
    expect(P.validate(['::1', '65535'])).toEqual(['::1', '65535']);
  });

  it.each([
    [['127.0.0.1'], /expected 2 params/],
    [['', '80'], /host is required/],
    [['127.0.0.1', ''], /port is required/],
    [['127.0.0.1', '0'], /port must be from 1 to 65535/],
    [['127.0.0.1', '65536'], /port must be from 1 to 65535/],
    [['127.0.0.1', '-1'], /must not start with "-"/],
    [['127.0.0.1', '80;id'], /disallowed character ";"/],
    [['127.0.0.1', 'http'], /whole number/],
    [['127.0.0.1', '1e3'], /whole number/],
    [['-oProxyCommand=id', '22'], /must not start with "-"/],
    [['$(id)', '22'], /disallowed character/],
    [['../x', '22'], /must not contain/],
  ])('rejects %j', (params, message) => {
    expect(() => P.validate(params as string[])).toThrow(PluginParamError);
    expect(() => P.validate(params as string[])).toThrow(message);
  });
});

describe('tcp: connect', () => {
  const plugin = createTcpPlugin({ enabled: true });
  const server = net.createServer((socket) => socket.end());
  let port = 0;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('reports connected and the time to a listening server', async () => {
    const result = await plugin.run(['127.0.0.1', String(port)], OPTS).result;
    expect(result.error).toBeNull();
    expect(result.exitCode).toBe(0);
    expect(result.command).toEqual(['tcp', '127.0.0.1', String(port)]);
    expect(result.stdout).toHaveLength(1);
    expect(result.stdout[0]).toMatch(new RegExp(`^connected to 127\\.0\\.0\\.1:${port} \\(127\\.0\\.0\\.1\\) in [\\d.]+ ms$`));
  });

  it('reports the error for a closed port (exit code 1)', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const result = await plugin.run(['127.0.0.1', String(closedPort)], OPTS).result;
    expect(result.exitCode).toBe(1);
    expect(result.error).toBeNull();
    expect(result.stdout).toEqual([]);
    expect(result.stderr[0]).toMatch(new RegExp(`^connection to 127\\.0\\.0\\.1:${closedPort} failed after [\\d.]+ ms: .*ECONNREFUSED`));
  });
});
