import type { ServiceModule } from './core/service.ts';

/** Every built service: adding one is one line here (its module implements ServiceModule). */
export const serviceModules: readonly ServiceModule[] = [];
