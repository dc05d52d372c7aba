import type { ServiceName } from '../lib/contract.ts';
import { NotBuiltPane } from '../components/NotBuiltPane.tsx';
import { useServicesStore } from '../features/overview/index.ts';

/** A pane still to be built, wired to its service's live state from the overview store. */
export function ServicePane({ title, service }: { title: string; service: ServiceName }) {
  const info = useServicesStore((s) => s.services.find((x) => x.name === service));
  const loaded = useServicesStore((s) => s.status === 'loaded');
  return <NotBuiltPane title={title} description={info?.description ?? ''} service={info ?? (loaded ? null : undefined)} />;
}
