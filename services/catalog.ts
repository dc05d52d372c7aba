import type { PlannedService } from './core/service.ts';

/** The fleet the console is built for, in start order; a service whose module is not registered shows as not built. */
export const catalog: readonly PlannedService[] = [
  { name: 'lookingglass', title: 'Looking Glass', description: 'Plugin worker: network diagnostics as async tasks, JWT login, tags' },
  { name: 'comet', title: 'Comet', description: 'Round-robin load balancer with a pool of workers and live stats' },
  { name: 'slowking', title: 'slowking', description: 'Event-driven benchmarking of HTTP targets with CSV reports' },
  { name: 'tasker', title: 'Tasker', description: 'API gateway: records requests, hands out tokens, serves polled status' },
  { name: 'varidb', title: 'VariDB', description: 'Key-value store on LMDB with volumes, temporal keys and jobs' },
];
