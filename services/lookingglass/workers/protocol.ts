import { z } from 'zod';

/** Owner → worker messages, checked by the worker. */
export const ToWorker = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    secret: z.string().min(1),
    tokenTtlSeconds: z.number().int().positive(),
    /** The service's public address; the worker listens there too (SO_REUSEPORT). */
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    /** Where the owner serves the full API for everything the worker does not answer itself. */
    ownerPort: z.number().int().min(1).max(65535),
    tags: z.array(z.string()),
  }),
  z.object({ type: z.literal('tag-added'), tag: z.string() }),
  z.object({ type: z.literal('tag-removed'), tag: z.string(), seq: z.number().int() }),
  z.object({ type: z.literal('stop') }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

/** Worker → owner messages. */
export type FromWorker = { type: 'ready' } | { type: 'tag-removed-ack'; seq: number };
