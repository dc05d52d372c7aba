import { useSyncExternalStore } from 'react';

/**
 * One shared 1 s clock for every ticking display (uptimes): a single interval that runs only while
 * something is subscribed.
 */
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(tick, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const getNow = () => now;

/** Milliseconds since the epoch, re-rendering once a second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getNow);
}
