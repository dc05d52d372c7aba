import { panes, paneIds } from './panes.tsx';
import { useHashRoute } from './router.ts';
import { Sidebar } from './Sidebar.tsx';
import { useAppStateAttribute } from './use-app-state.ts';
import { usePaneShortcuts } from './use-pane-shortcuts.ts';
import './app.css';

export function App() {
  const route = useHashRoute(paneIds, 'overview');
  usePaneShortcuts(paneIds);
  useAppStateAttribute();
  const pane = panes.find((p) => p.id === route) ?? panes[0];
  return (
    <div className="app">
      <Sidebar current={route} />
      <main className="app__content">{pane.render()}</main>
    </div>
  );
}
