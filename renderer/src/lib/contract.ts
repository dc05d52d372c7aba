/** The renderer's one door to the shared contract (services/contract), so no file repeats the long path. */
export * from '../../../services/contract/index.ts';

/** `window.observatory`, declared by preload/api.d.ts (a global the web tsconfig includes). */
export type ObservatoryBridge = NonNullable<Window['observatory']>;
