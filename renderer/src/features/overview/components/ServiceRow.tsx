import type { ServiceInfo } from '../../../lib/contract.ts';
import { StateBadge } from '../../../components/StateBadge.tsx';
import { ServiceActions } from './ServiceActions.tsx';
import { Uptime } from './Uptime.tsx';

export function ServiceRow({ service }: { service: ServiceInfo }) {
  const { name, title, description, state, url, startedAt, error } = service;
  return (
    <tr data-testid={`service-row-${name}`}>
      <th scope="row">
        <div className="service-title">{title}</div>
        <div className="muted">{description}</div>
        {error ? <div className="alert">{error}</div> : null}
      </th>
      <td>
        <StateBadge state={state} testId={`service-state-${name}`} />
      </td>
      <td>
        {url ? (
          <a href={url} target="_blank" rel="noreferrer noopener">
            {url}
          </a>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="numeric">
        {state === 'running' && startedAt !== null ? <Uptime startedAt={startedAt} /> : <span className="muted">—</span>}
      </td>
      <td>
        <ServiceActions service={service} />
      </td>
    </tr>
  );
}
