import { useConnectionState, type ConnectionState } from '../lib/transport/index.ts';
import { panes, type PaneId } from './panes.tsx';
import { hrefOf } from './router.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const modifier = isMac ? '⌘' : 'Ctrl+';

const connectionLabel: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected',
};

export function Sidebar({ current }: { current: PaneId }) {
  const connection = useConnectionState();
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">Observatory</div>
      <nav aria-label="Panes">
        <ul>
          {panes.map((pane, index) => (
            <li key={pane.id}>
              <a href={hrefOf(pane.id)} aria-current={pane.id === current ? 'page' : undefined}>
                <span>{pane.label}</span>
                <kbd aria-hidden="true">
                  {modifier}
                  {index + 1}
                </kbd>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className={`sidebar__status sidebar__status--${connection}`} role="status">
        {connectionLabel[connection]}
      </div>
    </aside>
  );
}
