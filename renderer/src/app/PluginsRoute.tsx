import { PluginsPane } from '../features/plugins/index.ts';
import { useServiceInfo } from './ServicePane.tsx';

/** The Plugins pane, given the Looking Glass service's live state (features do not import each other). */
export function PluginsRoute() {
  return <PluginsPane service={useServiceInfo('lookingglass')} />;
}
