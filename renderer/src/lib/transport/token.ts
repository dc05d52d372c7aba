/**
 * Web mode's access token: `npm run serve` prints `http://127.0.0.1:7070/#token=…`. The fragment never
 * travels in a request; we keep the token in sessionStorage (a reload still works) and wipe it from the
 * address bar so it is not bookmarked, shared or left in history.
 */
export interface PageLocation {
  hash: string;
  pathname: string;
  search: string;
}
export interface PageHistory {
  readonly state: unknown;
  replaceState(data: unknown, unused: string, url?: string | null): void;
}
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const tokenStorageKey = 'observatory.token';
const tokenPattern = /^[A-Za-z0-9_-]+$/;
const tokenParam = /(?:^|&)token=([^&]*)/;

export function takeToken(location: PageLocation, history: PageHistory, storage: TokenStorage | null): string | null {
  const fragment = location.hash.replace(/^#/, '');
  const match = tokenParam.exec(fragment);
  if (match) {
    const rest = fragment.replace(tokenParam, '').replace(/^&/, '');
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    const token = match[1] ?? '';
    if (tokenPattern.test(token)) {
      try {
        storage?.setItem(tokenStorageKey, token);
      } catch {
        // Storage may be disabled: the token still works until the page reloads.
      }
      return token;
    }
  }
  let stored: string | null;
  try {
    stored = storage?.getItem(tokenStorageKey) ?? null;
  } catch {
    stored = null;
  }
  return stored !== null && tokenPattern.test(stored) ? stored : null;
}
