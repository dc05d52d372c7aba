import { create } from 'zustand';
import type { AppInfo } from '../../../lib/contract.ts';
import { describeError, type ConsoleClient } from '../../../lib/transport/index.ts';

interface AppInfoState {
  info: AppInfo | null;
  error: string | null;
}

export const useAppInfoStore = create<AppInfoState>()(() => ({ info: null, error: null }));

let inFlight: Promise<void> | null = null;

/** Fetches `app:info` once; a failed fetch is tried again the next time the pane opens. */
export function loadAppInfo(client: ConsoleClient): Promise<void> {
  if (useAppInfoStore.getState().info) return Promise.resolve();
  inFlight ??= client
    .invoke('app:info', {})
    .then(
      (info) => useAppInfoStore.setState({ info, error: null }),
      (err: unknown) => useAppInfoStore.setState({ error: describeError(err) }),
    )
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}
