import { useSyncExternalStore } from 'react';

/**
 * A tiny hash router: `#/<pane>`. Hash URLs work the same from file:// (Electron) and from the console
 * server, and need no server-side fallback.
 */
function subscribe(notify: () => void): () => void {
  window.addEventListener('hashchange', notify);
  return () => window.removeEventListener('hashchange', notify);
}
const getHash = () => window.location.hash;

export function routeOf<T extends string>(hash: string, ids: readonly T[], fallback: T): T {
  const id = hash.replace(/^#\/?/, '').split(/[/?&]/)[0];
  return ids.find((candidate) => candidate === id) ?? fallback;
}

export function useHashRoute<T extends string>(ids: readonly T[], fallback: T): T {
  return routeOf(useSyncExternalStore(subscribe, getHash), ids, fallback);
}

export const hrefOf = (id: string): string => `#/${id}`;

export function navigate(id: string): void {
  window.location.hash = `/${id}`;
}
