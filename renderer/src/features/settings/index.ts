export { SettingsPane } from './components/SettingsPane.tsx';
