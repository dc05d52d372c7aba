import type { ErrorCode, RpcError } from '../contract/index.ts';

/** An error meant for the caller: its code picks the HTTP status, its message is shown as is. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: unknown;

  constructor(code: ErrorCode, message: string, issues?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  toRpcError(): RpcError {
    return this.issues === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, issues: this.issues };
  }
}

export const httpStatusOf: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  TOO_LARGE: 413,
  UNAVAILABLE: 503,
  CONFLICT: 409,
  INTERNAL: 500,
};

/** The error code for an HTTP status a service answered with. */
export function codeOfStatus(status: number): ErrorCode {
  const found = (Object.entries(httpStatusOf) as [ErrorCode, number][]).find(([, s]) => s === status);
  return found ? found[0] : status >= 500 ? 'INTERNAL' : 'INVALID_INPUT';
}
