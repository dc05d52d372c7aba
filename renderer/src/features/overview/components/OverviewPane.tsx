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
      {loadError ? (
        <p role="alert" className="alert">
          {status === 'loaded' ? `Could not refresh: ${loadError}` : loadError}
        </p>
      ) : null}
      {status === 'loaded' ? (
        <table className="services-table">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">State</th>
              <th scope="col">URL</th>
              <th scope="col">Uptime</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {services.map((service) => (
              <ServiceRow key={service.name} service={service} />
            ))}
          </tbody>
        </table>
      ) : status !== 'error' ? (
        <p className="muted">Loading services…</p>
      ) : null}
    </Pane>
  );
}
