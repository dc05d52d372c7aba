// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientProvider, createMemoryClient, RpcCallError, type ConsoleClient } from '../../../lib/transport/index.ts';
import { serviceInfo } from '../../../testing/fixtures.ts';
import { connectServicesStore, resetServicesStore } from '../stores/services-store.ts';
import { OverviewPane } from './OverviewPane.tsx';

let disconnect: (() => void) | undefined;
afterEach(() => {
  cleanup();
  disconnect?.();
  disconnect = undefined;
  resetServicesStore();
});

function renderOverview(client: ConsoleClient) {
  disconnect = connectServicesStore(client);
  return render(
    <ClientProvider client={client}>
      <OverviewPane />
    </ClientProvider>,
  );
}

describe('<OverviewPane>', () => {
  it('renders a row per service and calls services:start when Start is clicked', async () => {
    const client = createMemoryClient({
      'services:list': () => [serviceInfo('comet'), serviceInfo('varidb', { title: 'VariDB', built: false, state: 'unavailable' })],
      'services:start': ({ name }) => serviceInfo(name, { state: 'running', url: 'http://127.0.0.1:5050', startedAt: Date.now() - 65_000 }),
    });
    renderOverview(client);

    const comet = await screen.findByTestId('service-row-comet');
    expect(within(comet).getByText('Comet does its job')).toBeTruthy();
    expect(screen.getByTestId('service-state-comet').textContent).toBe('stopped');
    expect((within(comet).getByRole('button', { name: 'Stop Comet' }) as HTMLButtonElement).disabled).toBe(true);

    const varidb = screen.getByTestId('service-row-varidb');
    expect(within(varidb).getByText('not built yet')).toBeTruthy();
    expect(within(varidb).queryAllByRole('button')).toHaveLength(0);

    await userEvent.click(within(comet).getByRole('button', { name: 'Start Comet' }));
    expect(client.calls.at(-1)).toEqual({ channel: 'services:start', input: { name: 'comet' } });
    expect(screen.getByTestId('service-state-comet').textContent).toBe('running');
    expect(within(comet).getByRole('link', { name: 'http://127.0.0.1:5050' }).getAttribute('href')).toBe('http://127.0.0.1:5050');
    expect(within(comet).getByText(/^1m 0[5-9]s$/)).toBeTruthy();
    expect((within(comet).getByRole('button', { name: 'Start Comet' }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(comet).getByRole('button', { name: 'Stop Comet' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows a failed call inline and follows pushed state changes', async () => {
    const client = createMemoryClient({
      'services:list': () => [serviceInfo('comet')],
      'services:start': () => {
        throw new RpcCallError('services:start', { code: 'CONFLICT', message: 'port 5050 is already in use' });
      },
    });
    renderOverview(client);
    const row = await screen.findByTestId('service-row-comet');

    await userEvent.click(within(row).getByRole('button', { name: 'Start Comet' }));
    expect(within(row).getByRole('alert').textContent).toBe('port 5050 is already in use');

    client.push('services:stateChanged', serviceInfo('comet', { state: 'starting' }));
    expect(await screen.findByText('starting')).toBeTruthy();
    expect((within(row).getByRole('button', { name: 'Start Comet' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
