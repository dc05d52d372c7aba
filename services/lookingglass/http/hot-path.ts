import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthResult } from '../auth.ts';
import { sendJson, sendRedirectHome, sendUnauthorized, tagExists } from './responses.ts';

export interface HotPathDeps {
  authorize(header: string | undefined): AuthResult;
  /** The trimmed tag when it is known to exist without I/O, else null. */
  existingTag(raw: string): string | null;
}

/**
 * The routes the seed benchmarked, answered without express: GET / (one cached token check and a
 * redirect) and PUT /tags/{tag} for a tag known to exist. Returns false for everything else —
 * including a tag not known here — which the caller hands on to where the full API runs (the
 * express app, or from a worker process its owner), where these routes answer identically.
 */
export function createHotPath(deps: HotPathDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const url = req.url ?? '/';
    const method = req.method;
    const isRoot = method === 'GET' && url === '/';
    const tagPath = method === 'PUT' && url.startsWith('/tags/') && url.indexOf('/', 6) === -1 && !url.includes('?');
    if (!isRoot && !tagPath) return false;
    const auth = deps.authorize(req.headers.authorization);
    if (!auth.ok) {
      sendUnauthorized(res, auth.message);
      return true;
    }
    if (isRoot) {
      sendRedirectHome(res);
      return true;
    }
    // A PUT body is not used; node:http discards an unread body itself when the response ends
    // (an explicit resume() here cost a third of this route's throughput).
    let raw: string;
    try {
      raw = decodeURIComponent(url.slice(6));
    } catch {
      sendJson(res, 400, { error: 'malformed tag in the URL' });
      return true;
    }
    const existing = deps.existingTag(raw);
    if (existing === null) return false;
    sendJson(res, 200, tagExists(existing));
    return true;
  };
}
