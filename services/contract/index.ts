/**
 * The one contract between the UI and the core: every request channel with its input and output
 * schema, every event channel with its payload schema. Pure zod: imported by services, the
 * renderer and (names only) the preload.
 */
import type { z } from 'zod';
import { appEvents, appRequests } from './app.ts';
import { lookingglassEvents, lookingglassRequests } from './lookingglass.ts';
import { servicesEvents, servicesRequests } from './services.ts';

export const requestChannels = { ...appRequests, ...servicesRequests, ...lookingglassRequests } as const;
export const eventChannels = { ...appEvents, ...servicesEvents, ...lookingglassEvents } as const;

export type RequestChannel = keyof typeof requestChannels;
export type EventChannel = keyof typeof eventChannels;
export type RequestInput<C extends RequestChannel> = z.input<(typeof requestChannels)[C]['input']>;
export type RequestOutput<C extends RequestChannel> = z.infer<(typeof requestChannels)[C]['output']>;
export type EventPayload<C extends EventChannel> = z.infer<(typeof eventChannels)[C]>;

export const requestChannelNames = Object.keys(requestChannels) as RequestChannel[];
export const eventChannelNames = Object.keys(eventChannels) as EventChannel[];

export function isRequestChannel(name: string): name is RequestChannel {
  return Object.hasOwn(requestChannels, name);
}
export function isEventChannel(name: string): name is EventChannel {
  return Object.hasOwn(eventChannels, name);
}

export const ErrorCode = ['NOT_FOUND', 'INVALID_INPUT', 'UNAUTHORIZED', 'UNAVAILABLE', 'CONFLICT', 'TOO_LARGE', 'INTERNAL'] as const;
export type ErrorCode = (typeof ErrorCode)[number];

export interface RpcError {
  code: ErrorCode;
  message: string;
  issues?: unknown;
}
export type RpcEnvelope<T> = { ok: true; result: T } | { ok: false; error: RpcError };

export * from './services.ts';
export * from './app.ts';
export * from './lookingglass.ts';
