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
  UNAVAILABLE: 503,
  CONFLICT: 409,
  INTERNAL: 500,
};
