import { z } from 'zod';

/** Every service the console knows of, built or not; names double as ports-file key prefixes. */
export const serviceNames = ['lookingglass', 'comet', 'slowking', 'tasker', 'varidb'] as const;
export const ServiceName = z.enum(serviceNames);
export type ServiceName = z.infer<typeof ServiceName>;

export const ServiceState = z.enum(['stopped', 'starting', 'running', 'stopping', 'failed', 'unavailable']);
export type ServiceState = z.infer<typeof ServiceState>;

export const ServiceInfo = z.object({
  name: ServiceName,
  title: z.string(),
  description: z.string(),
  /** false while the service is still only planned: the pane says so instead of pretending. */
  built: z.boolean(),
  state: ServiceState,
  url: z.string().nullable(),
  /** Every listening address of the service, keyed as in the ports file (comet-lb-1, …). */
  endpoints: z.record(z.string(), z.string()),
  startedAt: z.number().nullable(),
  error: z.string().nullable(),
});
export type ServiceInfo = z.infer<typeof ServiceInfo>;

const NoInput = z.object({}).strict();
const ByName = z.object({ name: ServiceName }).strict();

export const servicesRequests = {
  'services:list': { input: NoInput, output: z.array(ServiceInfo) },
  'services:start': { input: ByName, output: ServiceInfo },
  'services:stop': { input: ByName, output: ServiceInfo },
} as const;

export const servicesEvents = {
  'services:stateChanged': ServiceInfo,
} as const;
