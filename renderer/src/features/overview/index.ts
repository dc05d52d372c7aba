/** The overview feature's public surface: the app shell composes it; other features never import it. */
export { OverviewPane } from './components/OverviewPane.tsx';
export {
  connectServicesStore,
  refreshServices,
  resetServicesStore,
  startService,
  stopService,
  useServicesStore,
  type LoadStatus,
  type ServicesState,
} from './stores/services-store.ts';
