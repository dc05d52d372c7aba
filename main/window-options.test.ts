import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp.ts';
import { windowOptions } from './window-options.ts';

describe('windowOptions', () => {
  const options = windowOptions({ preload: '/app/out/preload/index.cjs' });
  const web = options.webPreferences ?? {};

  it('waits for ready-to-show before showing the window', () => {
    expect(options.show).toBe(false);
  });

  it('loads the given preload script', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
  });

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
  ] as const)('sets webPreferences.%s to %s', (flag, value) => {
    expect(web[flag]).toBe(value);
  });

  it('is a fresh object each call (callers may not share or mutate one)', () => {
    const other = windowOptions({ preload: '/x.cjs' });
    expect(other).not.toBe(options);
    expect(other.webPreferences).not.toBe(options.webPreferences);
  });
});

describe('contentSecurityPolicy', () => {
  const directives = new Map(
    contentSecurityPolicy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows scripts from the app only: no inline, no eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('forbids plugins, <base> and form posts', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('holds no directive a <meta> policy would ignore', () => {
    for (const ignored of ['frame-ancestors', 'report-uri', 'sandbox']) expect(directives.has(ignored)).toBe(false);
  });

  it('lets the window connect nowhere but itself and loopback WebSockets', () => {
    expect(directives.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:*', 'ws://localhost:*']);
  });
});
