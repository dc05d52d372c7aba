/**
 * A Looking Glass worker process: it listens on the service's port beside the owner process
 * (SO_REUSEPORT: the kernel spreads connections over them) and answers the hot path itself —
 * token check, redirect, tags known to exist — with a tag list the owner keeps in step.
 * Everything else is passed to the owner, which runs the full API. Started by WorkerPool only.
 */
import { Agent, request, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { closeServer } from '../../core/listen.ts';
import { createTokenService } from '../auth.ts';
import { createHotPath } from '../http/hot-path.ts';
import { sendJson } from '../http/responses.ts';
import { createLookingGlassServer } from '../http/server.ts';
import { ToWorker, type FromWorker } from './protocol.ts';

const send = (message: FromWorker) => process.send?.(message);
// Hop-by-hop headers belong to one connection, not to the request being passed on.
const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);
const endToEnd = (headers: IncomingMessage['headers']) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !hopByHop.has(name)));

let http: HttpServer | null = null;
const tags = new Set<string>();

function start(init: Extract<ToWorker, { type: 'init' }>): void {
  for (const tag of init.tags) tags.add(tag);
  const tokens = createTokenService(init.secret, init.tokenTtlSeconds);
  const hot = createHotPath({
    authorize: tokens.authorize,
    existingTag(raw) {
      const tag = raw.trim();
      return tag && tags.has(tag) ? tag : null;
    },
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const passOn = (req: IncomingMessage, res: ServerResponse) => {
    const upstream = request(
      { host: '127.0.0.1', port: init.ownerPort, method: req.method, path: req.url, headers: endToEnd(req.headers), agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) sendJson(res, 502, { error: 'the Looking Glass service did not answer' });
      else res.destroy();
    });
    req.pipe(upstream);
  };
  const server = createLookingGlassServer((req, res) => {
    if (!hot(req, res)) passOn(req, res);
  });
  http = server;
  server.once('error', (err) => {
    console.error(`Looking Glass worker: cannot listen on ${init.host}:${init.port}: ${err.message}`);
    process.exit(1);
  });
  server.listen({ host: init.host, port: init.port, reusePort: true }, () => send({ type: 'ready' }));
}

/** Stops taking connections, lets requests under way finish, then exits. */
async function stop(): Promise<void> {
  if (http) await closeServer(http).catch(() => undefined);
  process.exit(0);
}

process.on('message', (raw: unknown) => {
  const parsed = ToWorker.safeParse(raw);
  if (!parsed.success) return;
  const message = parsed.data;
  switch (message.type) {
    case 'init':
      start(message);
      break;
    case 'tag-added':
      tags.add(message.tag);
      break;
    case 'tag-removed':
      tags.delete(message.tag);
      send({ type: 'tag-removed-ack', seq: message.seq });
      break;
    case 'stop':
      void stop();
      break;
  }
});
// The owner went away without saying stop: nothing is left to pass requests on to.
process.on('disconnect', () => void stop());
// Ctrl-C reaches the whole process group: the owner coordinates the stop, so the worker waits for it.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => void stop());
