import { create } from 'zustand';
import type { ServiceInfo, ServiceName } from '../../../lib/contract.ts';
import { describeError, type ConsoleClient } from '../../../lib/transport/index.ts';

export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'error';
type Action = 'start' | 'stop';

export interface ServicesState {
  services: ServiceInfo[];
  /** `loaded` once the first `services:list` answered; it stays so while later refetches run. */
  status: LoadStatus;
  loadError: string | null;
  pending: Partial<Record<ServiceName, Action>>;
  actionErrors: Partial<Record<ServiceName, string>>;
}

const initialState: ServicesState = { services: [], status: 'idle', loadError: null, pending: {}, actionErrors: {} };

export const useServicesStore = create<ServicesState>()(() => initialState);

let client: ConsoleClient | null = null;
/** Bumped on every (dis)connect so answers from an old client are dropped. */
let generation = 0;
/** Events that arrive while a list is in flight are newer than (or as new as) its snapshot. */
let eventsDuringFetch: Map<ServiceName, ServiceInfo> | null = null;
/** Only the latest list answer is applied; an older one that arrives late is dropped. */
let latestFetch = 0;

function upsert(services: ServiceInfo[], info: ServiceInfo): ServiceInfo[] {
  const index = services.findIndex((s) => s.name === info.name);
  if (index === -1) return [...services, info];
  return services.map((s, i) => (i === index ? info : s));
}

function applyEvent(info: ServiceInfo): void {
  eventsDuringFetch?.set(info.name, info);
  useServicesStore.setState((s) => ({ services: upsert(s.services, info) }));
}

/**
 * Binds the store to the transport: live `services:stateChanged` events, a first `services:list`, and a
 * refetch whenever the event stream comes back. Returns the disconnect function.
 */
export function connectServicesStore(next: ConsoleClient): () => void {
  client = next;
  const mine = ++generation;
  const offEvent = next.subscribe('services:stateChanged', applyEvent);
  const offReconnect = next.onReconnect(() => void refreshServices());
  void refreshServices();
  return () => {
    offEvent();
    offReconnect();
    if (generation === mine) {
      client = null;
      generation++;
    }
  };
}

export async function refreshServices(): Promise<void> {
  const current = client;
  if (!current) return;
  const mine = generation;
  const fetchId = ++latestFetch;
  const seen = new Map<ServiceName, ServiceInfo>();
  eventsDuringFetch = seen;
  if (useServicesStore.getState().status !== 'loaded') useServicesStore.setState({ status: 'loading' });
  const stale = () => mine !== generation || fetchId !== latestFetch;
  try {
    const list = await current.invoke('services:list', {});
    if (stale()) return;
    const services = list.map((info) => seen.get(info.name) ?? info);
    useServicesStore.setState({ services, status: 'loaded', loadError: null });
  } catch (err) {
    if (stale()) return;
    useServicesStore.setState((s) => ({ loadError: describeError(err), status: s.status === 'loaded' ? 'loaded' : 'error' }));
  } finally {
    if (eventsDuringFetch === seen) eventsDuringFetch = null;
  }
}

async function run(name: ServiceName, action: Action): Promise<void> {
  const current = client;
  if (!current || useServicesStore.getState().pending[name]) return;
  useServicesStore.setState((s) => ({
    pending: { ...s.pending, [name]: action },
    actionErrors: { ...s.actionErrors, [name]: undefined },
  }));
  let error: string | undefined;
  try {
    const info = await current.invoke(action === 'start' ? 'services:start' : 'services:stop', { name });
    useServicesStore.setState((s) => ({ services: upsert(s.services, info) }));
  } catch (err) {
    error = describeError(err);
  }
  useServicesStore.setState((s) => ({
    pending: { ...s.pending, [name]: undefined },
    actionErrors: { ...s.actionErrors, [name]: error },
  }));
}

export const startService = (name: ServiceName): Promise<void> => run(name, 'start');
export const stopService = (name: ServiceName): Promise<void> => run(name, 'stop');

/** Back to the empty store (tests). */
export function resetServicesStore(): void {
  useServicesStore.setState(initialState, true);
}
