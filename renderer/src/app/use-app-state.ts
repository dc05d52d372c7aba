import { useEffect } from 'react';
import { useServicesStore } from '../features/overview/index.ts';

/** `<html data-app-state="loaded">` once the first `services:list` answered (end-to-end tests wait for it). */
export function useAppStateAttribute(): void {
  const status = useServicesStore((s) => s.status);
  useEffect(() => {
    document.documentElement.dataset.appState = status === 'idle' ? 'loading' : status;
  }, [status]);
}
