import { setThemePreference, themePreferences, useThemeStore, type ThemePreference } from '../../../lib/theme/theme-store.ts';

const labels: Record<ThemePreference, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function ThemeSwitch() {
  const preference = useThemeStore((s) => s.preference);
  return (
    <fieldset className="theme-switch">
      <legend>Theme</legend>
      {themePreferences.map((p) => (
        <label key={p}>
          <input type="radio" name="theme" value={p} checked={preference === p} onChange={() => setThemePreference(p)} />
          {labels[p]}
        </label>
      ))}
    </fieldset>
  );
}
