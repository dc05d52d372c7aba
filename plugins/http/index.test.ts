import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginParamError } from '../runner.ts';
import { describeToggle, OPTS } from '../testing.ts';
import { createHttpPlugin, P } from './index.ts';

describeToggle(P, false);

describe('http: validation', () => {
  it('accepts http and https URLs and normalises them', () => {
    expect(P.validate(['http://example.com'])).toEqual(['http://example.com/']);
    expect(P.validate(['https://127.0.0.1:8443/a?b=c&d=e#f'])).toEqual(['https://127.0.0.1:8443/a?b=c&d=e#f']);
    expect(P.validate(['http://[::1]:8080/'])).toEqual(['http://[::1]:8080/']);
    expect(P.validate(P.validate(['HTTP://Example.COM/x']))).toEqual(['http://example.com/x']);
  });

  it.each([
    [[], /expected 1 params/],
    [[''], /url is required/],
    [['file:///etc/passwd'], /must use http: or https: \(got "file:"\)/],
    [['FILE:///etc/passwd'], /must use http: or https:/],
    [['data:text/plain,hello'], /must use http: or https:/],
    [['ftp://example.com/x'], /must use http: or https:/],
    [['javascript:alert(1)'], /must use http: or https:/],
    [['gopher://127.0.0.1:6379/_x'], /must use http: or https:/],
    [['http://user:pass@example.com/'], /must not contain credentials/],
    [['http://user@example.com/'], /must not contain credentials/],
    [['/relative/path'], /not a valid absolute URL/],
    [['example.com'], /not a valid absolute URL|must use http/],
    [['-o/tmp/x'], /must not start with "-"/],
    [['http://example.com/../etc/passwd'], /must not contain "\.\."/],
    [['http://exa mple.com/'], /disallowed character " "/],
    [['http://example.com/\u0000'], /disallowed character/],
    [['http://ex_ample.com/'], /hostname or IP address/],
    [['http://example.com/' + 'a'.repeat(2100)], /too long/],
    [['http://example.com/', 'extra'], /expected 1 params/],
  ])('rejects %j', (params, message) => {
    expect(() => P.validate(params as string[])).toThrow(PluginParamError);
    expect(() => P.validate(params as string[])).toThrow(message);
  });
});

describe('http: GET against a local server', () => {
  const plugin = createHttpPlugin({ enabled: true });
  const server = http.createServer((req, res) => {
    switch (req.url) {
      case '/hello':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'x-secret-header': 'not shown' });
        res.end('hello\nworld\n');
        return;
      case '/big':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(100) + '\n' + 'y'.repeat(200_000));
        return;
      case '/redirect':
        res.writeHead(302, { location: 'file:///etc/passwd' });
        res.end();
        return;
      case '/binary':
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(Buffer.from([0, 1, 2, 3, 255]));
        return;
      case '/hang':
        return; // never answers
      default:
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error":"not found"}');
    }
  });
  let base = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('shows the status line, selected headers and the body', async () => {
    const result = await plugin.run([`${base}/hello`], OPTS).result;
    expect(result.error).toBeNull();
    expect(result.exitCode).toBe(0);
    expect(result.command).toEqual(['http', 'GET', `${base}/hello`]);
    expect(result.stdout[0]).toBe('HTTP/1.1 200 OK');
    expect(result.stdout).toContain('Content-Type: text/plain; charset=utf-8');
    expect(result.stdout.join('\n')).not.toContain('secret');
    const blank = result.stdout.indexOf('');
    expect(result.stdout.slice(blank + 1, blank + 3)).toEqual(['hello', 'world']);
    expect(result.stdout.at(-1)).toMatch(/^\[12 body bytes in [\d.]+ ms\]$/);
  });

  it('reports error statuses as output, like curl (exit 0)', async () => {
    const result = await plugin.run([`${base}/nope`], OPTS).result;
    expect(result.stdout[0]).toBe('HTTP/1.1 404 Not Found');
    expect(result.stdout).toContain('{"error":"not found"}');
    expect(result.exitCode).toBe(0);
  });

  it('shows a redirect without following it', async () => {
    const result = await plugin.run([`${base}/redirect`], OPTS).result;
    expect(result.stdout[0]).toBe('HTTP/1.1 302 Found');
    expect(result.stdout).toContain('Location: file:///etc/passwd');
    expect(result.stdout.join('\n')).not.toContain('root:');
  });

  it('bounds the body it reads', async () => {
    const result = await plugin.run([`${base}/big`], OPTS).result;
    expect(result.exitCode).toBe(0);
    expect(result.stdout.at(-1)).toMatch(/^\[body cut after 16384 bytes; [\d.]+ ms\]$/);
    expect(result.stdout.join('\n').length).toBeLessThan(20_000);
  });

  it('sets truncated when the output bound is smaller than the body', async () => {
    const result = await plugin.run([`${base}/big`], { timeoutMs: 5_000, maxOutputBytes: 150 }).result;
    expect(result.truncated).toBe(true);
    expect(Buffer.byteLength(result.stdout.join('\n'))).toBeLessThanOrEqual(150);
  });

  it('does not print a binary body', async () => {
    const result = await plugin.run([`${base}/binary`], OPTS).result;
    expect(result.stdout).toContain('[5 bytes of application/octet-stream body not shown]');
  });

  it('a refused connection is reported on stderr with exit code 1', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await plugin.run([`http://127.0.0.1:${port}/`], OPTS).result;
    expect(result.exitCode).toBe(1);
    expect(result.error).toBeNull();
    expect(result.stderr.join('\n')).toMatch(/ECONNREFUSED/);
  });

  it('times out on a server that never answers', async () => {
    const result = await plugin.run([`${base}/hang`], { timeoutMs: 300, maxOutputBytes: 1024 }).result;
    expect(result).toMatchObject({ timedOut: true, error: 'timed out after 300 ms', exitCode: null });
  });

  it('cancel aborts the request', async () => {
    const handle = plugin.run([`${base}/hang`], OPTS);
    setTimeout(() => handle.cancel(), 50);
    const result = await handle.result;
    expect(result).toMatchObject({ cancelled: true, timedOut: false, error: 'cancelled' });
  });
});
