import { DataTable } from '../../../components/DataTable.tsx';
import { InlineError } from '../../../components/InlineError.tsx';
import { Pane } from '../../../components/Pane.tsx';
import { useServicesStore } from '../stores/services-store.ts';
import { ServiceRow } from './ServiceRow.tsx';
import './overview.css';

export function OverviewPane() {
  const services = useServicesStore((s) => s.services);
  const status = useServicesStore((s) => s.status);
  const loadError = useServicesStore((s) => s.loadError);
  return (
    <Pane title="Overview" lead="Every service of the fleet, live.">
      <InlineError message={loadError && (status === 'loaded' ? `Could not refresh: ${loadError}` : loadError)} />
      {status === 'loaded' ? (
        <DataTable className="services-table" columns={['Service', 'State', 'URL', 'Uptime', 'Actions']}>
          {services.map((service) => (
            <ServiceRow key={service.name} service={service} />
          ))}
        </DataTable>
      ) : status !== 'error' ? (
        <p className="muted">Loading services…</p>
      ) : null}
    </Pane>
  );
}
