/** The plugins (Looking Glass) feature's public surface: the app shell composes it; other features never import it. */
export { PluginsPane } from './components/PluginsPane.tsx';
export { resetLookingGlassStore } from './stores/lookingglass-store.ts';
