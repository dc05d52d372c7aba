import { describe, expect, it } from 'vitest';
import type { ServiceInfo } from '../contract/index.ts';
import { catalog } from '../catalog.ts';
import { httpServiceModule } from '../test/http-service.ts';
import { silentLogger, testConfig } from '../test/helpers.ts';
import { createCore } from './compose.ts';

function coreWith(modules = [httpServiceModule('lookingglass')]) {
  const config = testConfig();
  const core = createCore(config, { logger: silentLogger(), modules, catalog });
  return { core, config };
}

describe('Supervisor', () => {
  it('lists built services as stopped and planned ones as unavailable', () => {
    const { core, config } = coreWith();
    const states = Object.fromEntries(core.supervisor.list().map((s) => [s.name, [s.built, s.state]]));
    expect(states).toEqual({
      lookingglass: [true, 'stopped'],
      comet: [false, 'unavailable'],
      slowking: [false, 'unavailable'],
      tasker: [false, 'unavailable'],
      varidb: [false, 'unavailable'],
    });
    config.cleanup();
  });

  it('starts a service, reports its URL and pushes every state change', async () => {
    const { core, config } = coreWith();
    const seen: ServiceInfo['state'][] = [];
    core.bus.subscribe('services:stateChanged', (info) => seen.push(info.state));
    const info = await core.supervisor.start('lookingglass');
    expect(info.state).toBe('running');
    expect(info.startedAt).toBeGreaterThan(0);
    const res = await fetch(info.url ?? '');
    expect(await res.text()).toBe('ok');
    await core.supervisor.stop('lookingglass');
    await expect(fetch(info.url ?? '')).rejects.toThrow();
    expect(seen).toEqual(['starting', 'running', 'stopping', 'stopped']);
    config.cleanup();
  });

  it('concurrent starts start once and concurrent stops stop once', async () => {
    const module = httpServiceModule('lookingglass');
    const calls = { start: 0, stop: 0 };
    const counted = {
      ...module,
      async start(ctx: Parameters<typeof module.start>[0]) {
        calls.start++;
        const running = await module.start(ctx);
        return { ...running, stop: () => (calls.stop++, running.stop()) };
      },
    };
    const { core, config } = coreWith([counted]);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => core.supervisor.start('lookingglass')));
    expect(calls.start).toBe(1);
    expect(new Set([a?.url, b?.url, c?.url]).size).toBe(1);
    await Promise.all([core.supervisor.stop('lookingglass'), core.supervisor.stop('lookingglass')]);
    expect(calls.stop).toBe(1);
    // A start racing a stop ends with the service running once more.
    await Promise.all([core.supervisor.stop('lookingglass'), core.supervisor.start('lookingglass')]);
    expect(calls.start).toBe(2);
    expect(core.supervisor.get('lookingglass').state).toBe('running');
    await core.dispose();
    expect(core.supervisor.get('lookingglass').state).toBe('stopped');
    config.cleanup();
  });

  it('marks a service failed with its error and refuses planned ones', async () => {
    const { core, config } = coreWith([httpServiceModule('lookingglass', { failStart: true })]);
    await expect(core.supervisor.start('lookingglass')).rejects.toThrow('refusing to start');
    expect(core.supervisor.get('lookingglass')).toMatchObject({ state: 'failed', error: 'refusing to start' });
    await expect(core.supervisor.start('comet')).rejects.toThrow(/not built yet/);
    config.cleanup();
  });

  it('startAll honours --only', async () => {
    const { core, config } = coreWith([httpServiceModule('lookingglass'), httpServiceModule('tasker')]);
    await core.supervisor.startAll(['tasker']);
    expect(core.supervisor.get('tasker').state).toBe('running');
    expect(core.supervisor.get('lookingglass').state).toBe('stopped');
    await core.dispose();
    config.cleanup();
  });
});
