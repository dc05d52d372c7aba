import type { Handlers } from './core/router.ts';
import type { ServiceModule } from './core/service.ts';
import type { Supervisor } from './core/supervisor.ts';
import { lookingGlassHandlers } from './lookingglass/handlers.ts';
import { lookingGlassModule } from './lookingglass/module.ts';

/** Every built service: adding one means a line in each list below (its module and its console channels). */
export const serviceModules: readonly ServiceModule[] = [lookingGlassModule()];

type ServiceChannel = Exclude<keyof Handlers, `app:${string}` | `services:${string}`>;

/** The console channels of every service; the type makes a missing service handler a compile error. */
export function serviceHandlers(supervisor: Supervisor): Pick<Handlers, ServiceChannel> {
  return { ...lookingGlassHandlers(supervisor) };
}
