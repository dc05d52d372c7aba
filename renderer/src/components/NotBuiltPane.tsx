import type { ServiceInfo } from '../lib/contract.ts';
import { Pane } from './Pane.tsx';
import { StateBadge } from './StateBadge.tsx';

interface Props {
  title: string;
  description: string;
  /** The service behind the pane, live; undefined until the first list arrives, null if there is none. */
  service?: ServiceInfo | null;
}

/** Stand-in for a pane that is still to come: says so plainly and shows the service's live state. */
export function NotBuiltPane({ title, description, service }: Props) {
  return (
    <Pane title={title} lead={description}>
      <div className="pane-section">
        <p className="pane-note">This pane is not built yet.</p>
        {service ? (
          <p>
            {service.title} is <StateBadge state={service.state} testId={`pane-service-state-${service.name}`} />
            {service.built ? null : <span className="muted"> (the service is not built yet either)</span>}
          </p>
        ) : service === undefined ? (
          <p className="muted">Loading the service state…</p>
        ) : null}
      </div>
    </Pane>
  );
}
