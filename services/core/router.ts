import { isRequestChannel, requestChannels, type RequestChannel, type RequestOutput, type RpcEnvelope } from '../contract/index.ts';
import type { z } from 'zod';
import { AppError } from './errors.ts';
import type { Logger } from './logger.ts';

/** Who is calling: `ipc:<webContentsId>` or `http:<connection>`; used to clean up subscriptions. */
export interface Caller {
  id: string;
}

type Input<C extends RequestChannel> = z.infer<(typeof requestChannels)[C]['input']>;
export type Handler<C extends RequestChannel> = (input: Input<C>, caller: Caller) => Promise<RequestOutput<C>> | RequestOutput<C>;

/** Exactly the contract's keys: a missing handler is a compile error. */
export type Handlers = { [C in RequestChannel]: Handler<C> };

export interface Router {
  dispatch(channel: string, input: unknown, caller: Caller): Promise<RpcEnvelope<unknown>>;
}

export function createRouter(handlers: Handlers, logger: Logger, opts: { checkOutput?: boolean } = {}): Router {
  return {
    async dispatch(channel, rawInput, caller) {
      if (!isRequestChannel(channel)) {
        return { ok: false, error: { code: 'NOT_FOUND', message: `unknown channel "${channel}"` } };
      }
      const spec = requestChannels[channel];
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'INVALID_INPUT', message: `invalid input for ${channel}`, issues: parsed.error.issues },
        };
      }
      try {
        const handler = handlers[channel] as Handler<RequestChannel>;
        const result = await handler(parsed.data as never, caller);
        if (opts.checkOutput) spec.output.parse(result);
        return { ok: true, result };
      } catch (err) {
        if (err instanceof AppError) return { ok: false, error: err.toRpcError() };
        logger.error({ err, channel }, 'handler failed');
        return { ok: false, error: { code: 'INTERNAL', message: 'internal error' } };
      }
    },
  };
}
