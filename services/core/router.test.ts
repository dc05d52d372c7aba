import { describe, expect, it } from 'vitest';
import { createCore } from './compose.ts';
import { AppError } from './errors.ts';
import { createRouter, type Handlers } from './router.ts';
import { silentLogger, testConfig } from '../test/helpers.ts';

const caller = { id: 'test' };

describe('router', () => {
  it('rejects an unknown channel with NOT_FOUND', async () => {
    const config = testConfig();
    const core = createCore(config, { logger: silentLogger(), modules: [] });
    expect(await core.router.dispatch('nope:nothing', {}, caller)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'unknown channel "nope:nothing"' },
    });
    config.cleanup();
  });

  it('validates input with the contract and returns the zod issues', async () => {
    const config = testConfig();
    const core = createCore(config, { logger: silentLogger(), modules: [] });
    const envelope = await core.router.dispatch('services:start', { name: 'mystery' }, caller);
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('INVALID_INPUT');
    expect(envelope.error.issues).toEqual([expect.objectContaining({ path: ['name'] })]);
    config.cleanup();
  });

  it('passes AppErrors through and hides other errors', async () => {
    const handlers = {
      'app:info': () => {
        throw new Error('secret detail');
      },
      'services:list': () => {
        throw new AppError('UNAVAILABLE', 'down for now');
      },
    } as unknown as Handlers;
    const router = createRouter(handlers, silentLogger());
    expect(await router.dispatch('app:info', {}, caller)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
    expect(await router.dispatch('services:list', {}, caller)).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'down for now' },
    });
  });

  it('answers app:info with real values', async () => {
    const config = testConfig();
    const core = createCore(config, { logger: silentLogger(), modules: [] });
    const envelope = await core.router.dispatch('app:info', undefined, caller);
    expect(envelope).toEqual({
      ok: true,
      result: expect.objectContaining({ node: process.versions.node, dataDir: config.dataDir, mode: 'web' }),
    });
    config.cleanup();
  });
});
