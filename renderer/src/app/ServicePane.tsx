import type { ServiceInfo, ServiceName } from '../lib/contract.ts';
import { NotBuiltPane } from '../components/NotBuiltPane.tsx';
import { useServicesStore } from '../features/overview/index.ts';

/** A service's live state from the overview store: undefined until the first list arrives, null if there is none. */
export function useServiceInfo(service: ServiceName): ServiceInfo | null | undefined {
  const info = useServicesStore((s) => s.services.find((x) => x.name === service));
  const loaded = useServicesStore((s) => s.status === 'loaded');
  return info ?? (loaded ? null : undefined);
}

/** A pane still to be built, wired to its service's live state from the overview store. */
export function ServicePane({ title, service }: { title: string; service: ServiceName }) {
  const info = useServiceInfo(service);
  return <NotBuiltPane title={title} description={info?.description ?? ''} service={info} />;
}
