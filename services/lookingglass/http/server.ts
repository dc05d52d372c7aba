import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../../core/logger.ts';
import type { LookingGlass } from '../looking-glass.ts';
import { createLookingGlassApp } from './app.ts';
import { createHotPath } from './hot-path.ts';

/** The whole Looking Glass API as one request listener: the hot path first, then express. */
export function createLookingGlassHandler(lg: LookingGlass, logger: Logger): RequestListener {
  const app = createLookingGlassApp(lg, logger);
  const hot = createHotPath(lg);
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!hot(req, res)) app(req, res);
  };
}

/** An HTTP server with the timeouts every Looking Glass listener uses. */
export function createLookingGlassServer(handler: RequestListener): Server {
  const server = createServer(handler);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 120_000;
  return server;
}
