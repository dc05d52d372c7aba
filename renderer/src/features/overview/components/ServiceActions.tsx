import { InlineError } from '../../../components/InlineError.tsx';
import type { ServiceInfo } from '../../../lib/contract.ts';
import { startService, stopService, useServicesStore } from '../stores/services-store.ts';

export function ServiceActions({ service }: { service: ServiceInfo }) {
  const { name, title, state } = service;
  const pending = useServicesStore((s) => s.pending[name]);
  const error = useServicesStore((s) => s.actionErrors[name]);
  if (!service.built) return <span className="muted">not built yet</span>;
  const busy = pending !== undefined || state === 'starting' || state === 'stopping';
  return (
    <div className="service-actions">
      <div className="service-actions__buttons">
        <button
          type="button"
          aria-label={`Start ${title}`}
          disabled={busy || !(state === 'stopped' || state === 'failed')}
          onClick={() => void startService(name)}
        >
          {pending === 'start' ? 'Starting…' : 'Start'}
        </button>
        <button type="button" aria-label={`Stop ${title}`} disabled={busy || state !== 'running'} onClick={() => void stopService(name)}>
          {pending === 'stop' ? 'Stopping…' : 'Stop'}
        </button>
      </div>
      <InlineError message={error} />
    </div>
  );
}
