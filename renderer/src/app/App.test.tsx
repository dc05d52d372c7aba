// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryClient } from '../lib/transport/index.ts';
import { serviceInfo } from '../testing/fixtures.ts';
import { resetServicesStore } from '../features/overview/index.ts';
import { App } from './App.tsx';
import { AppProviders } from './providers.tsx';

afterEach(() => {
  cleanup();
  resetServicesStore();
  window.location.hash = '';
  delete document.documentElement.dataset.appState;
});

function renderApp() {
  const client = createMemoryClient({
    'services:list': () => [
      serviceInfo('lookingglass', { title: 'Looking Glass', built: false, state: 'unavailable' }),
      serviceInfo('comet'),
    ],
    'app:info': () => ({ version: '0.1.0', node: '24.0.0', mode: 'web', dataDir: '/tmp/obs', consoleUrl: null }),
  });
  render(
    <AppProviders client={client}>
      <App />
    </AppProviders>,
  );
  return client;
}

describe('<App>', () => {
  it('marks the root loaded after the first services:list and switches panes with Ctrl+digit', async () => {
    renderApp();
    expect(await screen.findByTestId('service-row-comet')).toBeTruthy();
    expect(document.documentElement.dataset.appState).toBe('loaded');
    expect(screen.getByRole('link', { name: /Overview/ }).getAttribute('aria-current')).toBe('page');

    fireEvent.keyDown(window, { key: '2', code: 'Digit2', ctrlKey: true });
    const heading = await screen.findByRole('heading', { level: 1, name: 'Plugins' });
    const pane = heading.closest('section')!;
    expect(within(pane).getByText('Looking Glass is not running.')).toBeTruthy();
    expect(within(pane).getByText('Lookingglass does its job')).toBeTruthy();
    expect(within(pane).getByTestId('pane-service-state-lookingglass').textContent).toBe('unavailable');

    fireEvent.keyDown(window, { key: '8', code: 'Digit8', metaKey: true });
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(await screen.findByText('/tmp/obs')).toBeTruthy();
  });

  it('switches the theme on <html> and remembers it', async () => {
    window.location.hash = '#/settings';
    renderApp();
    fireEvent.click(await screen.findByRole('radio', { name: 'Dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('observatory.theme')).toBe('dark');
  });
});
