import { randomBytes, scrypt as scryptCb, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';
import { join } from 'node:path';
import { createSigner, createVerifier, TokenError } from 'fast-jwt';
import { persistedValue } from '../core/persisted-value.ts';

const scrypt = (password: BinaryLike, salt: BinaryLike, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64 };

/** `scrypt$N$r$p$salt$hash` (base64url); the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** false for a wrong password; throws only for a stored hash it cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) throw new Error('stored password hash has an unknown format');
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}

/** SECRET wins; else a random secret made on first run and kept (0600) in the data dir. Never a built-in default. */
export function loadSecret(dataDir: string, fromEnv: string | undefined): string {
  return fromEnv || persistedValue(join(dataDir, 'jwt-secret'), () => randomBytes(48).toString('base64url'));
}

export interface Claims {
  jti: number;
  iat: number;
  exp: number;
}

export type AuthResult = { ok: true; userId: number } | { ok: false; message: string };

/** The original middleware's 401 texts (iris-contrib jwt + jwt-go), kept word for word. */
export const authMessages = {
  missing: 'required authorization token not found',
  format: 'Authorization header format must be Bearer {token}',
  signature: 'signature is invalid',
  expired: 'Token is expired',
  malformed: 'token contains an invalid number of segments',
  algorithm: (alg: string) => `Expected HS512 signing method but token specified ${alg}`,
} as const;

function headerAlg(token: string): string | null {
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  try {
    const header = JSON.parse(Buffer.from(token.slice(0, dot), 'base64url').toString('utf8')) as { alg?: unknown };
    return typeof header.alg === 'string' ? header.alg : null;
  } catch {
    return null;
  }
}

/** HS512 only, `exp` required; the verifier is built once, and verified tokens are cached until their exp. */
export function createTokenService(secret: string, ttlSeconds: number) {
  const sign = createSigner({ key: secret, algorithm: 'HS512', expiresIn: ttlSeconds * 1000 });
  const verify = createVerifier({ key: secret, algorithms: ['HS512'], requiredClaims: ['exp', 'jti'] });
  // Verified tokens by their exact text; a hit is re-checked against exp. Bounded: cleared when full.
  const verified = new Map<string, { userId: number; expMs: number }>();
  const maxCached = 10_000;

  function verifyToken(token: string): AuthResult {
    const hit = verified.get(token);
    if (hit) {
      if (hit.expMs > Date.now()) return { ok: true, userId: hit.userId };
      verified.delete(token);
      return { ok: false, message: authMessages.expired };
    }
    // Only tokens not yet verified get their header read, for the original's algorithm message.
    const alg = headerAlg(token);
    if (alg !== null && alg !== 'HS512') return { ok: false, message: authMessages.algorithm(alg) };
    try {
      const claims = verify(token) as Partial<Claims>;
      if (typeof claims.jti !== 'number' || !Number.isInteger(claims.jti) || typeof claims.exp !== 'number') {
        return { ok: false, message: authMessages.signature };
      }
      if (verified.size >= maxCached) verified.clear();
      verified.set(token, { userId: claims.jti, expMs: claims.exp * 1000 });
      return { ok: true, userId: claims.jti };
    } catch (err) {
      if (!(err instanceof TokenError)) return { ok: false, message: authMessages.signature };
      if (err.code === TokenError.codes.invalidAlgorithm || err.code === TokenError.codes.missingSignature) {
        return { ok: false, message: authMessages.algorithm(headerAlg(token) ?? 'none') };
      }
      if (err.code === TokenError.codes.expired) return { ok: false, message: authMessages.expired };
      if (err.code === TokenError.codes.malformed) return { ok: false, message: authMessages.malformed };
      return { ok: false, message: authMessages.signature };
    }
  }

  return {
    issue: (userId: number): string => sign({ jti: userId }),
    /** Checks an Authorization header value the way the original middleware did (scheme case-insensitive, exactly two parts). */
    authorize(header: string | undefined): AuthResult {
      if (!header) return { ok: false, message: authMessages.missing };
      const parts = header.split(' ');
      if (parts.length !== 2 || parts[0]?.toLowerCase() !== 'bearer' || !parts[1]) return { ok: false, message: authMessages.format };
      return verifyToken(parts[1]);
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
