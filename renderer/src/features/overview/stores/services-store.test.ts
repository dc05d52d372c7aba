import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryClient } from '../../../lib/transport/index.ts';
import { serviceInfo } from '../../../testing/fixtures.ts';
import { connectServicesStore, resetServicesStore, startService, useServicesStore } from './services-store.ts';

let disconnect: (() => void) | undefined;
afterEach(() => {
  disconnect?.();
  disconnect = undefined;
  resetServicesStore();
});

describe('services store', () => {
  it('loads the list, then follows pushed services:stateChanged events', async () => {
    const client = createMemoryClient({ 'services:list': () => [serviceInfo('comet'), serviceInfo('tasker')] });
    disconnect = connectServicesStore(client);
    await vi.waitFor(() => expect(useServicesStore.getState().status).toBe('loaded'));
    expect(useServicesStore.getState().services.map((s) => s.state)).toEqual(['stopped', 'stopped']);

    client.push('services:stateChanged', serviceInfo('comet', { state: 'running', url: 'http://127.0.0.1:5050', startedAt: 1 }));
    const comet = useServicesStore.getState().services.find((s) => s.name === 'comet');
    expect(comet).toMatchObject({ state: 'running', url: 'http://127.0.0.1:5050' });
    expect(useServicesStore.getState().services[1]?.state).toBe('stopped');
  });

  it('refetches when the event stream reconnects and stops listening once disconnected', async () => {
    let state: 'stopped' | 'running' = 'stopped';
    const client = createMemoryClient({ 'services:list': () => [serviceInfo('comet', { state })] });
    disconnect = connectServicesStore(client);
    await vi.waitFor(() => expect(useServicesStore.getState().status).toBe('loaded'));

    state = 'running';
    client.reconnect();
    await vi.waitFor(() => expect(useServicesStore.getState().services[0]?.state).toBe('running'));
    expect(client.calls.filter((c) => c.channel === 'services:list')).toHaveLength(2);

    disconnect();
    disconnect = undefined;
    expect(client.listenerCount('services:stateChanged')).toBe(0);
  });

  it('keeps an event that arrives while a list is in flight over the older snapshot', async () => {
    let answer: (list: ReturnType<typeof serviceInfo>[]) => void = () => {};
    const client = createMemoryClient({ 'services:list': () => new Promise((resolve) => (answer = resolve)) });
    disconnect = connectServicesStore(client);
    await vi.waitFor(() => expect(client.calls).toHaveLength(1));
    client.push('services:stateChanged', serviceInfo('comet', { state: 'starting' }));
    answer([serviceInfo('comet', { state: 'stopped' })]);
    await vi.waitFor(() => expect(useServicesStore.getState().status).toBe('loaded'));
    expect(useServicesStore.getState().services[0]?.state).toBe('starting');
  });

  it('applies the answer of services:start and keeps a failed call as an error for that service', async () => {
    const client = createMemoryClient({
      'services:list': () => [serviceInfo('comet'), serviceInfo('tasker')],
      'services:start': ({ name }) => {
        if (name === 'tasker') throw new Error('port 3005 is already in use');
        return serviceInfo(name, { state: 'running', startedAt: Date.now() });
      },
    });
    disconnect = connectServicesStore(client);
    await vi.waitFor(() => expect(useServicesStore.getState().status).toBe('loaded'));

    await startService('comet');
    await startService('tasker');
    const state = useServicesStore.getState();
    expect(state.services[0]?.state).toBe('running');
    expect(state.actionErrors).toEqual({ comet: undefined, tasker: 'port 3005 is already in use' });
    expect(state.pending).toEqual({ comet: undefined, tasker: undefined });
  });
});
