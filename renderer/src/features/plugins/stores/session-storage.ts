/** The Looking Glass session survives a reload of the tab (sessionStorage), never the tab itself. */
export interface Session {
  /** As `lookingglass:login` returned it ("Bearer …"); sent back verbatim. */
  token: string;
  username: string;
  /** The user the token was issued to, so pushed events of other users' tasks can be ignored; null if unknown. */
  userId: number | null;
}

export const sessionStorageKey = 'observatory.lookingglass.session';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function readSession(): Session | null {
  try {
    const raw = storage()?.getItem(sessionStorageKey);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.token !== 'string' || !parsed.token || typeof parsed.username !== 'string') return null;
    return { token: parsed.token, username: parsed.username, userId: typeof parsed.userId === 'number' ? parsed.userId : null };
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  try {
    if (session) storage()?.setItem(sessionStorageKey, JSON.stringify(session));
    else storage()?.removeItem(sessionStorageKey);
  } catch {
    // Storage may be disabled: the session then lasts until the page reloads.
  }
}

/**
 * The user id in the token's `jti` claim, read without verifying (the service verifies every call); it only
 * decides which broadcast task events belong to this user. null when the token is not a readable JWT.
 */
export function userIdOfToken(token: string): number | null {
  const payload = token.replace(/^bearer\s+/i, '').split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { jti?: unknown };
    return typeof claims.jti === 'number' && Number.isInteger(claims.jti) ? claims.jti : null;
  } catch {
    return null;
  }
}
