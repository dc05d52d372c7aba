import type { ServiceModule } from './core/service.ts';
import { lookingGlassModule } from './lookingglass/module.ts';

/** Every built service: adding one is one line here (its module implements ServiceModule). */
export const serviceModules: readonly ServiceModule[] = [lookingGlassModule()];
