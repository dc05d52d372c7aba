import { describe, expect, it } from 'vitest';
import { EventBus } from './events.ts';
import { DisposableStore } from './lifecycle.ts';

const info = {
  name: 'lookingglass',
  title: 'LG',
  description: '',
  built: true,
  state: 'running',
  url: null,
  endpoints: {},
  startedAt: 1,
  error: null,
} as const;

describe('EventBus', () => {
  it('delivers to subscribers until disposed', () => {
    const bus = new EventBus();
    const got: string[] = [];
    const all: string[] = [];
    const store = new DisposableStore();
    store.add(bus.subscribe('services:stateChanged', (p) => got.push(p.state)));
    store.add(bus.subscribeAll((channel) => all.push(channel)));
    bus.emit('services:stateChanged', info);
    expect(bus.listenerCount('services:stateChanged')).toBe(1);
    store.dispose();
    bus.emit('services:stateChanged', info);
    expect(got).toEqual(['running']);
    expect(all).toEqual(['services:stateChanged']);
    expect(bus.listenerCount('services:stateChanged')).toBe(0);
  });
});
