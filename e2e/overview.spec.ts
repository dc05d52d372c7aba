import { expect, test } from '@playwright/test';
import { openConsole, ports } from './console.ts';

test('the Overview lists every service live and starts and stops Looking Glass', async ({ page }) => {
  await openConsole(page);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  for (const name of ['lookingglass', 'comet', 'slowking', 'tasker', 'varidb']) {
    await expect(page.getByTestId(`service-row-${name}`)).toBeVisible();
  }
  const state = page.getByTestId('service-state-lookingglass');
  await expect(state).toHaveText('running');
  await expect(page.getByTestId('service-row-lookingglass')).toContainText(ports().lookingglass ?? 'missing');
  await expect(page.getByTestId('service-row-comet')).toContainText('not built yet');
  await page.screenshot({ path: 'e2e/output/overview.png', fullPage: true });

  await page.getByRole('button', { name: 'Stop Looking Glass' }).click();
  await expect(state).toHaveText('stopped');
  await page.getByRole('button', { name: 'Start Looking Glass' }).click();
  await expect(state).toHaveText('running');
});

test('the console refuses a page without the token', async ({ page }) => {
  await page.goto(process.env.E2E_CONSOLE_URL ?? '');
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'no-token');
  await expect(page.getByText('npm run serve')).toBeVisible();
});
