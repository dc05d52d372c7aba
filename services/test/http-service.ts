import { createServer } from 'node:http';
import { listen } from '../core/listen.ts';
import type { ServiceModule } from '../core/service.ts';
import type { ServiceName } from '../contract/index.ts';

/** A real, minimal HTTP service for exercising the supervisor and transports. */
export function httpServiceModule(name: ServiceName, opts: { failStart?: boolean; port?: number } = {}): ServiceModule {
  return {
    name,
    title: `Test ${name}`,
    description: 'answers 200 ok',
    async start(ctx) {
      if (opts.failStart) throw new Error('refusing to start');
      const server = createServer((_req, res) => res.end('ok'));
      const listening = await listen(server, ctx.config.host, opts.port ?? 0, null);
      return { url: listening.url, endpoints: { [name]: listening.url }, stop: listening.close };
    },
  };
}
