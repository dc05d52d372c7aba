import type { Session, WebContents } from 'electron';
import { contentSecurityPolicy } from './csp.ts';

/**
 * Decides whether a URL is the app itself: for a file:// app, the very index.html it was loaded
 * from (any #route or ?query); for an http(s) app (the dev server), the same origin.
 */
export type AppUrlMatcher = (url: string) => boolean;

export function appUrlMatcher(appUrl: string): AppUrlMatcher {
  const app = new URL(appUrl);
  if (app.protocol === 'file:') {
    return (url) => {
      const u = parse(url);
      return u !== null && u.protocol === 'file:' && u.host === app.host && u.pathname === app.pathname;
    };
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') {
    return (url) => parse(url)?.origin === app.origin;
  }
  throw new Error(`unsupported app URL ${appUrl}`);
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Only web links ever leave the app, and only into the user's browser. */
export function isExternalWebUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && (u.protocol === 'https:' || u.protocol === 'http:');
}

/**
 * Permissions our own page may be granted; everything else, and everything asked by any other
 * page, is denied. Write-only clipboard lets the console copy URLs; nothing here reads anything.
 */
export const grantedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function permissionAllowed(permission: string, requestingUrl: string | undefined, isAppUrl: AppUrlMatcher): boolean {
  return grantedPermissions.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

export interface GuardOptions {
  isAppUrl: AppUrlMatcher;
  /** shell.openExternal in the app; only ever called with http(s) URLs. */
  openExternal: (url: string) => Promise<void>;
  /** Told of every blocked navigation, window or webview (for the log). */
  onBlocked?: (what: string, url: string) => void;
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Locks one WebContents down: no navigation or redirect away from the app (any frame), no new
 * windows (http/https links open in the browser instead), no <webview>.
 */
export function guardWebContents(contents: GuardedContents, opts: GuardOptions): void {
  const { isAppUrl, openExternal, onBlocked = () => undefined } = opts;
  const blockForeign = (what: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    onBlocked(what, event.url);
  };
  contents.on('will-navigate', blockForeign('navigation'));
  contents.on('will-frame-navigate', blockForeign('frame navigation'));
  contents.on('will-redirect', blockForeign('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) {
      openExternal(url).catch(() => onBlocked('external link (openExternal failed)', url));
    } else {
      onBlocked('window', url);
    }
    return { action: 'deny' };
  });
}

type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>;

/** Denies permissions by default (see grantedPermissions) and sends the CSP as a header too. */
export function guardSession(session: GuardedSession, isAppUrl: AppUrlMatcher): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permissionAllowed(permission, details.requestingUrl, isAppUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    permissionAllowed(permission, details.requestingUrl, isAppUrl),
  );
  // file:// may or may not pass through webRequest depending on the Electron version; the <meta>
  // tag the build writes is what always applies. Never on the dev server (its inline preamble).
  session.webRequest.onHeadersReceived({ urls: ['file://*/*'] }, (details, callback) => {
    if (details.resourceType !== 'mainFrame' || !isAppUrl(details.url)) {
      callback({});
      return;
    }
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
}
