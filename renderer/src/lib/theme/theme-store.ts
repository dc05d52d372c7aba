import { create } from 'zustand';

export const themePreferences = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof themePreferences)[number];

export const themeStorageKey = 'observatory.theme';

function readStored(): ThemePreference {
  try {
    const value = globalThis.localStorage?.getItem(themeStorageKey);
    return themePreferences.find((p) => p === value) ?? 'system';
  } catch {
    return 'system';
  }
}

/** Puts the preference on <html data-theme>; theme.css does the rest. */
export function applyTheme(preference: ThemePreference, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = preference;
}

export const useThemeStore = create<{ preference: ThemePreference }>()(() => ({ preference: readStored() }));

export function setThemePreference(preference: ThemePreference): void {
  useThemeStore.setState({ preference });
  applyTheme(preference);
  try {
    globalThis.localStorage?.setItem(themeStorageKey, preference);
  } catch {
    // Storage disabled: the choice lasts for this window only.
  }
}

/** Called once before the first render so the page never flashes the wrong theme. */
export function initTheme(): void {
  applyTheme(useThemeStore.getState().preference);
}
