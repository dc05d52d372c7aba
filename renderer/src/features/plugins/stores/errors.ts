import { describeError, RpcCallError } from '../../../lib/transport/index.ts';

/** Looking Glass refused the user's token (expired, signed by an old secret…): back to the login form. */
export function isUnauthorized(err: unknown): boolean {
  return err instanceof RpcCallError && err.code === 'UNAUTHORIZED';
}

function issueText(issues: unknown): string | null {
  if (!Array.isArray(issues)) return null;
  const texts = issues.flatMap((issue: { path?: unknown; message?: unknown }) => {
    if (typeof issue?.message !== 'string') return [];
    const path = Array.isArray(issue.path) && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return [`${path}${issue.message}`];
  });
  return texts.length > 0 ? texts.join('; ') : null;
}

/**
 * The service's own message, shown as is. Unlike describeError, UNAUTHORIZED keeps its text: here it is about
 * the Looking Glass token ("Token is expired", "incorrect password"), not the console's.
 */
export function describeLookingGlassError(err: unknown): string {
  if (!(err instanceof RpcCallError)) return describeError(err);
  if (err.code !== 'INVALID_INPUT') return err.message;
  const details = issueText(err.issues);
  return details ? `${err.message}: ${details}` : err.message;
}
