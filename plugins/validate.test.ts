import { describe, expect, it } from 'vitest';
import { PluginParamError } from './runner.ts';
import { checkParams, enumParam, hostParam, intParam, isHostname, portParam, safeParam, urlParam } from './validate.ts';

function rejects(fn: () => unknown, message: RegExp): void {
  expect(fn).toThrow(PluginParamError);
  expect(fn).toThrow(message);
}

describe('safeParam', () => {
  it('passes plain words through unchanged', () => {
    expect(safeParam('Hello', 'word')).toBe('Hello');
    expect(safeParam('a.b_c-d:e/f@g', 'word')).toBe('a.b_c-d:e/f@g');
  });

  it.each([
    ['', /word is required/],
    ['..', /must not contain "\.\."/],
    ['a/../b', /must not contain "\.\."/],
    ['-o', /must not start with "-"/],
    ['--output=/tmp/x', /must not start with "-"/],
    ['a\u0000b', /control characters/],
    ['a\nb', /control characters/],
    ['a;b', /disallowed character ";"/],
    ['a&&b', /disallowed character "&"/],
    ['a|b', /disallowed character "\|"/],
    ['$(id)', /disallowed character "\$"/],
    ['${IFS}', /disallowed character "\$"/],
    ['`id`', /disallowed character "`"/],
    ['a>b', /disallowed character ">"/],
    ['a<b', /disallowed character "<"/],
    ['a b', /disallowed character " "/],
    ['a\tb', /control characters/],
    ["a'b", /disallowed character "'"/],
    ['a"b', /disallowed character "\\""/],
    ['a\\b', /disallowed character "\\\\"/],
    ['*', /disallowed character "\*"/],
    ['~root', /disallowed character "~"/],
    ['x'.repeat(256), /too long \(max 255/],
  ])('rejects %j', (value, message) => rejects(() => safeParam(value, 'word'), message));
});

describe('hostParam / isHostname', () => {
  it.each([
    'localhost',
    'example.com',
    'example.com.',
    'a-b.c0.io',
    'xn--bcher-kva.example',
    '127.0.0.1',
    '::1',
    '2001:db8::1',
    '8.8.8.8',
    '1e100.net',
  ])('accepts %j', (host) => expect(hostParam(host)).toBe(host));

  it.each([
    '',
    '-host',
    'a..b',
    '.example.com',
    'exa_mple.com',
    '-a.com',
    'a-.com',
    'a.com-',
    '999.1.1.1',
    '1.2.3',
    '127.1',
    '0x7f000001',
    '1234',
    'a b',
    'host;id',
    '[::1]',
    'user@host',
    'host:22',
    'a'.repeat(64) + '.com',
  ])('rejects %j', (host) => expect(() => hostParam(host)).toThrow(PluginParamError));

  it('allows underscores only when asked (DNS names)', () => {
    expect(isHostname('_dmarc.example.com')).toBe(false);
    expect(hostParam('_dmarc.example.com', 'name', { allowUnderscore: true })).toBe('_dmarc.example.com');
  });

  it('caps the total length at 253', () => {
    const label = 'a'.repeat(63);
    expect(isHostname([label, label, label, 'a'.repeat(61)].join('.'))).toBe(true); // 253
    expect(isHostname([label, label, label, 'a'.repeat(62)].join('.'))).toBe(false); // 254
  });
});

describe('numbers, enums, params', () => {
  it('intParam / portParam', () => {
    expect(intParam('007', 'n', 1, 10)).toBe('7');
    expect(portParam('65535')).toBe('65535');
    rejects(() => portParam('0'), /port must be from 1 to 65535/);
    rejects(() => portParam('65536'), /port must be from 1 to 65535/);
    rejects(() => portParam('99999999999'), /too long|whole number/);
    rejects(() => portParam(' 80'), /disallowed character/);
    rejects(() => portParam('0x50'), /whole number/);
    rejects(() => portParam('-80'), /must not start with "-"/);
    rejects(() => portParam(''), /port is required/);
  });

  it('enumParam is case-insensitive and returns the canonical spelling', () => {
    expect(enumParam('mx', 'type', ['A', 'MX'] as const)).toBe('MX');
    rejects(() => enumParam('SOA', 'type', ['A', 'MX'] as const), /type must be one of A, MX/);
  });

  it('checkParams checks the list shape and count', () => {
    expect(checkParams(['a'], 1, 2, '[x, y?]')).toEqual(['a']);
    rejects(() => checkParams([], 1, 2, '[x, y?]'), /expected 1 to 2 params, got 0; usage: \[x, y\?\]/);
    rejects(() => checkParams('a', 1, 1, '[x]'), /must be a list of strings/);
    rejects(() => checkParams([1], 1, 1, '[x]'), /must be a list of strings/);
  });
});

describe('urlParam', () => {
  it('accepts http/https and normalises', () => {
    expect(urlParam('https://Example.com')).toBe('https://example.com/');
    expect(urlParam('http://127.0.0.1:3000/health?x=1&y=2')).toBe('http://127.0.0.1:3000/health?x=1&y=2');
  });

  it.each([
    ['file:///etc/passwd', /must use http: or https:/],
    ['file://localhost/etc/passwd', /must use http: or https:/],
    ['data:text/html,<b>x</b>', /disallowed character "<"/],
    ['data:text/plain,x', /must use http: or https:/],
    ['ftp://example.com/', /must use http: or https:/],
    ['ws://example.com/', /must use http: or https:/],
    ['http://a:b@example.com/', /credentials/],
    ['http:/\\\\example.com', /disallowed character/],
  ])('rejects %j', (value, message) => rejects(() => urlParam(value), message));
});
