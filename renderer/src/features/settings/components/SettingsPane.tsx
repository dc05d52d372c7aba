import { Pane } from '../../../components/Pane.tsx';
import { AppInfoPanel } from './AppInfoPanel.tsx';
import { ThemeSwitch } from './ThemeSwitch.tsx';
import './settings.css';

export function SettingsPane() {
  return (
    <Pane title="Settings">
      <div className="pane-section">
        <h2>Appearance</h2>
        <ThemeSwitch />
      </div>
      <div className="pane-section">
        <h2>About</h2>
        <AppInfoPanel />
      </div>
    </Pane>
  );
}
