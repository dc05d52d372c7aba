import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from './csp.ts';
import { appUrlMatcher, guardSession, guardWebContents, isExternalWebUrl, permissionAllowed } from './security.ts';

const appUrl = pathToFileURL('/opt/observatory/out/renderer/index.html').href;
const isAppUrl = appUrlMatcher(appUrl);

describe('appUrlMatcher', () => {
  it('accepts the app page with any route or query', () => {
    expect(isAppUrl(appUrl)).toBe(true);
    expect(isAppUrl(`${appUrl}#/services/comet`)).toBe(true);
    expect(isAppUrl(`${appUrl}?x=1#/`)).toBe(true);
  });

  it.each([
    pathToFileURL('/opt/observatory/out/renderer/other.html').href,
    pathToFileURL('/etc/passwd').href,
    'file://evil-host/opt/observatory/out/renderer/index.html',
    'https://example.com/',
    'http://127.0.0.1:7070/',
    'about:blank',
    'javascript:alert(1)',
    'not a url',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('matches by origin for a dev server', () => {
    const dev = appUrlMatcher('http://localhost:5173/');
    expect(dev('http://localhost:5173/#/services')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('https://localhost:5173/')).toBe(false);
  });

  it('refuses other app URL schemes', () => {
    expect(() => appUrlMatcher('data:text/html,hi')).toThrow(/unsupported/);
  });
});

describe('isExternalWebUrl', () => {
  it('is true for http and https only', () => {
    expect(isExternalWebUrl('https://example.com/x')).toBe(true);
    expect(isExternalWebUrl('http://example.com/')).toBe(true);
    for (const url of ['file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'mailto:a@b.c', 'junk']) {
      expect(isExternalWebUrl(url)).toBe(false);
    }
  });
});

describe('permissionAllowed', () => {
  it('denies by default', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown']) {
      expect(permissionAllowed(permission, appUrl, isAppUrl)).toBe(false);
    }
  });

  it('grants clipboard writes to the app page only', () => {
    expect(permissionAllowed('clipboard-sanitized-write', `${appUrl}#/`, isAppUrl)).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'https://example.com/', isAppUrl)).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', undefined, isAppUrl)).toBe(false);
  });
});

class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits a cancellable navigation event the way Electron does; true if it was prevented. */
  navigate(event: string, url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function guarded() {
  const contents = new FakeContents();
  const openExternal = vi.fn(async (_url: string) => undefined);
  const blocked: string[] = [];
  guardWebContents(contents as never, { isAppUrl, openExternal, onBlocked: (what, url) => blocked.push(`${what} ${url}`) });
  return { contents, openExternal, blocked };
}

describe('guardWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: blocks foreign URLs, lets the app through', (event) => {
    const { contents, blocked } = guarded();
    expect(contents.navigate(event, 'https://evil.example/')).toBe(true);
    expect(contents.navigate(event, pathToFileURL('/etc/passwd').href)).toBe(true);
    expect(contents.navigate(event, `${appUrl}#/settings`)).toBe(false);
    expect(blocked).toHaveLength(2);
  });

  it('blocks every <webview>', () => {
    const { contents } = guarded();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    expect(prevented).toBe(true);
  });

  it('denies every new window, opening web links in the browser', () => {
    const { contents, openExternal, blocked } = guarded();
    const open = contents.windowOpenHandler;
    expect(open).not.toBeNull();
    expect(open?.({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/docs');
    for (const url of ['file:///etc/passwd', 'smb://host/share', appUrl, 'about:blank']) {
      expect(open?.({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(blocked).toHaveLength(4);
  });
});

describe('guardSession', () => {
  function fakeSession() {
    const s = {
      request: null as null | ((...args: unknown[]) => void),
      check: null as null | ((...args: unknown[]) => boolean),
      headers: null as null | ((details: unknown, callback: (r: unknown) => void) => void),
      filter: null as unknown,
      setPermissionRequestHandler(h: (...args: unknown[]) => void) {
        s.request = h;
      },
      setPermissionCheckHandler(h: (...args: unknown[]) => boolean) {
        s.check = h;
      },
      webRequest: {
        onHeadersReceived(filter: unknown, h: (details: unknown, callback: (r: unknown) => void) => void) {
          s.filter = filter;
          s.headers = h;
        },
      },
    };
    guardSession(s as never, isAppUrl);
    return s;
  }

  it('answers permission requests and checks with the allow-list', () => {
    const s = fakeSession();
    const answers: boolean[] = [];
    s.request?.(null, 'media', (granted: boolean) => answers.push(granted), { requestingUrl: appUrl });
    s.request?.(null, 'clipboard-sanitized-write', (granted: boolean) => answers.push(granted), { requestingUrl: appUrl });
    expect(answers).toEqual([false, true]);
    expect(s.check?.(null, 'geolocation', 'file:///', { requestingUrl: appUrl })).toBe(false);
    expect(s.check?.(null, 'clipboard-sanitized-write', 'https://x', { requestingUrl: 'https://x/' })).toBe(false);
  });

  it('adds the CSP header to the app page only', () => {
    const s = fakeSession();
    expect(s.filter).toEqual({ urls: ['file://*/*'] });
    const results: unknown[] = [];
    s.headers?.({ url: appUrl, resourceType: 'mainFrame', responseHeaders: { 'X-A': ['1'] } }, (r) => results.push(r));
    s.headers?.({ url: pathToFileURL('/tmp/x.html').href, resourceType: 'mainFrame' }, (r) => results.push(r));
    s.headers?.({ url: appUrl, resourceType: 'script' }, (r) => results.push(r));
    expect(results).toEqual([{ responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] } }, {}, {}]);
  });
});
