import type { ServiceInfo, ServiceName } from '../lib/contract.ts';

/** A ServiceInfo for tests: a built, stopped service unless told otherwise. */
export function serviceInfo(name: ServiceName, patch: Partial<ServiceInfo> = {}): ServiceInfo {
  const title = name[0]!.toUpperCase() + name.slice(1);
  return {
    name,
    title,
    description: `${title} does its job`,
    built: true,
    state: 'stopped',
    url: null,
    endpoints: {},
    startedAt: null,
    error: null,
    ...patch,
  };
}
