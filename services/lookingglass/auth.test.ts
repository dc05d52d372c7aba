import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenService, hashPassword, verifyPassword } from './auth.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('tokens', () => {
  it('refuses a cached token once it has expired', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const tokens = createTokenService('secret', 60);
    const header = `Bearer ${tokens.issue(7)}`;
    expect(tokens.authorize(header)).toEqual({ ok: true, userId: 7 });
    expect(tokens.authorize(header)).toEqual({ ok: true, userId: 7 }); // from the cache
    vi.setSystemTime(new Date('2026-01-01T00:01:01Z'));
    expect(tokens.authorize(header)).toEqual({ ok: false, message: 'Token is expired' });
    expect(tokens.authorize(header)).toEqual({ ok: false, message: 'Token is expired' });
  });

  it('does not accept a token signed with another secret, cached or not', () => {
    const ours = createTokenService('secret', 60);
    const theirs = createTokenService('other', 60);
    const header = `Bearer ${theirs.issue(1)}`;
    expect(theirs.authorize(header).ok).toBe(true);
    expect(ours.authorize(header)).toEqual({ ok: false, message: 'signature is invalid' });
  });
});

describe('passwords', () => {
  it('hashes with scrypt and a salt, and verifies', async () => {
    const a = await hashPassword('pw');
    const b = await hashPassword('pw');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('pw', a)).toBe(true);
    expect(await verifyPassword('PW', a)).toBe(false);
    await expect(verifyPassword('pw', 'plain')).rejects.toThrow(/unknown format/);
  });
});
