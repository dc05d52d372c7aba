import { requestChannels, type ErrorCode, type RequestChannel, type RequestOutput } from '../contract.ts';

/** The core's codes plus what the transport itself can run into. */
export type ClientErrorCode = ErrorCode | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NETWORK' | 'BAD_RESPONSE';

export interface ClientErrorInit {
  code: ClientErrorCode;
  message: string;
  issues?: unknown;
}

/** A failed call: carries the envelope's code, message and (for INVALID_INPUT) the zod issues. */
export class RpcCallError extends Error {
  override readonly name = 'RpcCallError';
  readonly channel: string;
  readonly code: ClientErrorCode;
  readonly issues: unknown;

  constructor(channel: string, init: ClientErrorInit) {
    super(init.message);
    this.channel = channel;
    this.code = init.code;
    this.issues = init.issues;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Checks an `{ ok, result | error }` envelope and the result against the contract's output schema. */
export function unwrapEnvelope<C extends RequestChannel>(channel: C, envelope: unknown): RequestOutput<C> {
  if (!isRecord(envelope) || typeof envelope.ok !== 'boolean') {
    throw new RpcCallError(channel, { code: 'BAD_RESPONSE', message: `malformed answer to ${channel}` });
  }
  if (!envelope.ok) {
    const error = isRecord(envelope.error) ? envelope.error : {};
    throw new RpcCallError(channel, {
      code: (typeof error.code === 'string' ? error.code : 'INTERNAL') as ClientErrorCode,
      message: typeof error.message === 'string' ? error.message : `${channel} failed`,
      issues: error.issues,
    });
  }
  const parsed = requestChannels[channel].output.safeParse(envelope.result);
  if (!parsed.success) {
    throw new RpcCallError(channel, {
      code: 'BAD_RESPONSE',
      message: `answer to ${channel} does not match the contract`,
      issues: parsed.error.issues,
    });
  }
  return parsed.data as RequestOutput<C>;
}

/** One readable sentence for the UI. */
export function describeError(err: unknown): string {
  if (err instanceof RpcCallError) {
    if (err.code === 'UNAUTHORIZED') {
      return 'The console refused the access token: open the URL printed by `npm run serve` again.';
    }
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
