import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];

/** The Host/Origin values a page of this console may carry: loopback names with our port only (DNS-rebinding guard). */
export function allowedAuthorities(port: number, extraHost?: string): Set<string> {
  const names = extraHost && !loopbackNames.includes(extraHost) ? [...loopbackNames, extraHost] : loopbackNames;
  return new Set(names.map((n) => `${n}:${port}`));
}

export type AccessDecision = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export interface AccessPolicy {
  authorities: Set<string>;
  token: string;
}

export function checkHostAndOrigin(headers: IncomingHttpHeaders, policy: AccessPolicy): AccessDecision {
  const host = headers.host?.toLowerCase();
  if (!host || !policy.authorities.has(host)) return { ok: false, status: 403, reason: 'foreign Host header' };
  const origin = headers.origin;
  if (origin !== undefined) {
    let authority: string;
    try {
      const url = new URL(origin);
      if (url.protocol !== 'http:') return { ok: false, status: 403, reason: 'foreign Origin' };
      authority = url.host;
    } catch {
      return { ok: false, status: 403, reason: 'foreign Origin' };
    }
    if (!policy.authorities.has(authority)) return { ok: false, status: 403, reason: 'foreign Origin' };
  }
  return { ok: true };
}

export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearerOf(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(headers.authorization ?? '');
  return match?.[1];
}

/** The WebSocket carries the token as a subprotocol (`token.<token>`), never in the URL. */
export const wsProtocol = 'observatory';
export function tokenFromProtocols(header: string | undefined): string | undefined {
  const entry = header
    ?.split(',')
    .map((p) => p.trim())
    .find((p) => p.startsWith('token.'));
  return entry?.slice('token.'.length);
}

export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
