import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { isEventChannel, type EventChannel } from '../contract/index.ts';
import type { Core } from '../core/compose.ts';
import { httpStatusOf } from '../core/errors.ts';
import { listen } from '../core/listen.ts';
import {
  allowedAuthorities,
  bearerOf,
  checkHostAndOrigin,
  contentSecurityPolicy,
  tokenFromProtocols,
  tokenMatches,
  wsProtocol,
  type AccessPolicy,
} from './security.ts';

export interface ConsoleServerOptions {
  host: string;
  port: number;
  token: string;
  /** Folder of the built renderer (index.html); null or missing serves a hint instead. */
  rendererDir: string | null;
}

export interface ConsoleServer {
  url: string;
  /** The URL to open: the token travels in the fragment, which no request carries. */
  openUrl: string;
  close(): Promise<void>;
}

const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), channel: z.string() }),
  z.object({ type: z.literal('unsubscribe'), channel: z.string() }),
]);

/** The headless console: built renderer, `POST /rpc/:channel` and a `/events` WebSocket over the core. */
export async function startConsoleServer(core: Core, opts: ConsoleServerOptions): Promise<ConsoleServer> {
  const app = express();
  app.disable('x-powered-by');
  const server = createServer(app);
  // The real port is known only after listen (port 0 in tests); the guards read it then.
  const policy: AccessPolicy = { authorities: new Set(), token: opts.token };
  let connection = 0;
  let port = opts.port;

  app.use((req: Request, res: Response, next: NextFunction) => {
    const decision = checkHostAndOrigin(req.headers, policy);
    if (!decision.ok) {
      res.status(decision.status).json({ ok: false, error: { code: 'FORBIDDEN', message: decision.reason } });
      return;
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });

  app.post('/rpc/:channel', express.json({ limit: '1mb', strict: true }), async (req: Request, res: Response) => {
    if (!tokenMatches(bearerOf(req.headers), policy.token)) {
      res.status(401).json({ ok: false, error: { code: 'UNAUTHORIZED', message: 'missing or wrong console token' } });
      return;
    }
    if (!req.is('application/json')) {
      res.status(415).json({ ok: false, error: { code: 'INVALID_INPUT', message: 'Content-Type must be application/json' } });
      return;
    }
    const envelope = await core.router.dispatch(String(req.params.channel), req.body, { id: `http:${req.socket.remotePort}` });
    res.status(envelope.ok ? 200 : httpStatusOf[envelope.error.code]).json(envelope);
  });

  const rendererReady = opts.rendererDir !== null && existsSync(`${opts.rendererDir}/index.html`);
  if (rendererReady && opts.rendererDir) {
    app.use((_req: Request, res: Response, next: NextFunction) => {
      res.setHeader('Content-Security-Policy', contentSecurityPolicy(port));
      next();
    });
    app.use(express.static(opts.rendererDir, { index: 'index.html', fallthrough: true }));
  } else {
    app.get('/', (_req: Request, res: Response) => {
      res.status(503).type('text/plain').send('The console UI is not built: run `npm run build`.\n');
    });
  }

  // Bad JSON and other body errors answer 400 with a reason, never a dropped connection.
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) core.logger.error({ err }, 'console request failed');
    res.status(status).json({
      ok: false,
      error: { code: status === 500 ? 'INTERNAL' : 'INVALID_INPUT', message: status === 500 ? 'internal error' : err.message },
    });
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    handleProtocols: (protocols) => (protocols.has(wsProtocol) ? wsProtocol : false),
  });
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const reject = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    const decision = checkHostAndOrigin(req.headers, policy);
    if (!decision.ok) return reject(decision.status, 'Forbidden');
    // Compared as text: a malformed request target must not throw in an upgrade handler.
    if ((req.url ?? '').split('?')[0] !== '/events') return reject(404, 'Not Found');
    if (!tokenMatches(tokenFromProtocols(req.headers['sec-websocket-protocol']), policy.token)) {
      return reject(401, 'Unauthorized');
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveEvents(ws, `ws:${++connection}`));
  });

  function serveEvents(ws: WebSocket, callerId: string): void {
    const subscribed = new Set<EventChannel>();
    const forward = core.bus.subscribeAll((channel, payload) => {
      if (subscribed.has(channel) && ws.readyState === ws.OPEN) {
        ws.send(JSON.stringify({ type: 'event', channel, payload }));
      }
    });
    ws.on('message', (data) => {
      let message: z.infer<typeof ClientMessage>;
      try {
        message = ClientMessage.parse(JSON.parse(String(data)));
      } catch {
        ws.send(JSON.stringify({ type: 'error', message: 'expected {"type":"subscribe"|"unsubscribe","channel":…}' }));
        return;
      }
      if (!isEventChannel(message.channel)) {
        ws.send(JSON.stringify({ type: 'error', message: `unknown event channel "${message.channel}"` }));
        return;
      }
      if (message.type === 'subscribe') subscribed.add(message.channel);
      else subscribed.delete(message.channel);
      // Acknowledged so a client knows from when on it receives the channel's events.
      ws.send(JSON.stringify({ type: `${message.type}d`, channel: message.channel }));
    });
    ws.on('close', () => forward.dispose());
    ws.on('error', (err) => core.logger.warn({ err, callerId }, 'event socket error'));
  }

  const listening = await listen(server, opts.host, opts.port, 'consolePort');
  port = listening.address.port;
  for (const a of allowedAuthorities(port, opts.host)) policy.authorities.add(a);
  const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
  return {
    url,
    openUrl: `${url}/#token=${opts.token}`,
    close: async () => {
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      wss.close();
      await listening.close();
    },
  };
}
