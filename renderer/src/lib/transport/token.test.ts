import { describe, expect, it, vi } from 'vitest';
import { takeToken, tokenStorageKey } from './token.ts';

function page(hash: string) {
  const stored = new Map<string, string>();
  return {
    location: { hash, pathname: '/', search: '' },
    history: { state: { kept: true }, replaceState: vi.fn() },
    storage: { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) },
    stored,
  };
}

describe('takeToken', () => {
  it('keeps the rest of the fragment (a pane route) when it removes the token', () => {
    const p = page('#/comet&token=abc_DEF-123');
    expect(takeToken(p.location, p.history, p.storage)).toBe('abc_DEF-123');
    expect(p.history.replaceState).toHaveBeenCalledWith({ kept: true }, '', '/#/comet');
    expect(p.stored.get(tokenStorageKey)).toBe('abc_DEF-123');
  });

  it('answers null without a token, and ignores a malformed one', () => {
    const none = page('#/overview');
    expect(takeToken(none.location, none.history, none.storage)).toBeNull();
    expect(none.history.replaceState).not.toHaveBeenCalled();

    const bad = page('#token=<script>');
    expect(takeToken(bad.location, bad.history, bad.storage)).toBeNull();
    expect(bad.history.replaceState).toHaveBeenCalledWith({ kept: true }, '', '/');
  });

  it('works without storage (disabled or throwing)', () => {
    const p = page('#token=abc');
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(takeToken(p.location, p.history, throwing)).toBe('abc');
    expect(takeToken({ hash: '', pathname: '/', search: '' }, p.history, null)).toBeNull();
  });
});
