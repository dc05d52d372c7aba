import { useNow } from '../../../lib/clock.ts';
import { formatDuration } from '../../../lib/format.ts';

export function Uptime({ startedAt }: { startedAt: number }) {
  const now = useNow();
  return (
    <time dateTime={new Date(startedAt).toISOString()} title={`since ${new Date(startedAt).toLocaleString()}`}>
      {formatDuration(now - startedAt)}
    </time>
  );
}
