import { z } from 'zod';

export const AppInfo = z.object({
  version: z.string(),
  node: z.string(),
  mode: z.enum(['electron', 'web']),
  dataDir: z.string(),
  consoleUrl: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appRequests = {
  'app:info': { input: z.object({}).strict(), output: AppInfo },
} as const;

export const appEvents = {} as const;
