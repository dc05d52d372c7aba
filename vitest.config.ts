import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // A stray `import 'electron'` under plain Node would try to download a binary; fail safely instead.
    alias: { electron: fileURLToPath(new URL('./vitest.electron-stub.ts', import.meta.url)) },
  },
  test: {
    include: ['{services,main,preload,renderer,plugins,jobs}/**/*.test.{ts,tsx}'],
    environment: 'node',
    env: { NODE_ENV: 'test' },
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
