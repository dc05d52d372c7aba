import type { ReactNode } from 'react';
import { NotBuiltPane } from '../components/NotBuiltPane.tsx';
import { OverviewPane } from '../features/overview/index.ts';
import { SettingsPane } from '../features/settings/index.ts';
import { PluginsRoute } from './PluginsRoute.tsx';
import { ServicePane } from './ServicePane.tsx';

export interface PaneDef {
  id: string;
  label: string;
  render(): ReactNode;
}

/** The sidebar, in order; Ctrl/Cmd+1..8 picks by position. */
export const panes = [
  { id: 'overview', label: 'Overview', render: () => <OverviewPane /> },
  { id: 'plugins', label: 'Plugins', render: () => <PluginsRoute /> },
  { id: 'comet', label: 'Comet', render: () => <ServicePane title="Comet" service="comet" /> },
  { id: 'benchmarks', label: 'Benchmarks', render: () => <ServicePane title="Benchmarks" service="slowking" /> },
  { id: 'tasker', label: 'Tasker', render: () => <ServicePane title="Tasker" service="tasker" /> },
  { id: 'varidb', label: 'VariDB', render: () => <ServicePane title="VariDB" service="varidb" /> },
  {
    id: 'jobs',
    label: 'Jobs',
    render: () => <NotBuiltPane title="Jobs" description="Background jobs run by the console." service={null} />,
  },
  { id: 'settings', label: 'Settings', render: () => <SettingsPane /> },
] as const satisfies readonly PaneDef[];

export type PaneId = (typeof panes)[number]['id'];
export const paneIds: readonly PaneId[] = panes.map((p) => p.id);
