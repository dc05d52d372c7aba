import type { Page } from '@playwright/test';

/** Where global-setup started the server, and the URL that opens the console with its token. */
export const consoleUrl = () => process.env.E2E_CONSOLE_URL ?? '';
export const openUrl = (route = '') => `${consoleUrl()}/#token=${process.env.E2E_TOKEN ?? ''}${route ? `&route=${route}` : ''}`;
export const ports = (): Record<string, string> => JSON.parse(process.env.E2E_PORTS ?? '{}') as Record<string, string>;

/** Opens the console and waits for the readiness marker. */
export async function openConsole(page: Page): Promise<void> {
  await page.goto(openUrl());
  await page.locator('html[data-app-state="loaded"]').waitFor();
}
