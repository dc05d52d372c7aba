import { expect, test } from '@playwright/test';
import { openConsole } from './console.ts';

test('logs in to Looking Glass, enables echo, runs it and sees its output', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('link', { name: /Plugins/ }).click();
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('incorrect password')).toBeVisible();
  await page.getByLabel('Password').fill(process.env.E2E_ADMIN_PASSWORD ?? '');
  await page.getByRole('button', { name: 'Log in' }).click();

  const echo = page.getByTestId('plugin-row-echo');
  await expect(echo).toContainText('disabled');
  await page.getByRole('button', { name: 'Enable echo' }).click();
  await expect(page.getByRole('button', { name: 'Disable echo' })).toBeVisible();

  await page.getByLabel('Plugin', { exact: true }).selectOption('echo');
  await page.getByLabel('Params').fill('hello from the console');
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  const row = page.locator('[data-testid^="task-row-"]').first();
  await expect(row.locator('[data-testid^="task-state-"]')).toHaveText('finished');
  await expect(row.locator('[data-testid^="task-output-"]')).toContainText('hello from the console');
  await page.getByLabel('New tag').fill('edge-1');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('button', { name: 'Remove tag edge-1' })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 1320 });
  await page.screenshot({ path: 'e2e/output/plugins.png' });
});
