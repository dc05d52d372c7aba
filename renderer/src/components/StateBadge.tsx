import type { ServiceState } from '../lib/contract.ts';
import './state-badge.css';

const tone: Record<ServiceState, string> = {
  running: 'ok',
  starting: 'warn',
  stopping: 'warn',
  failed: 'danger',
  stopped: 'neutral',
  unavailable: 'neutral',
};

export function StateBadge({ state, testId }: { state: ServiceState; testId?: string }) {
  return (
    <span className={`state-badge state-badge--${tone[state]}`} data-testid={testId}>
      {state}
    </span>
  );
}
