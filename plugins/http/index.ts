/**
 * http — in-process GET of one http:/https: URL: prints the status line, a few headers and the start
 * of the body, bounded. Redirects are shown (Location), not followed; no request body, no custom
 * headers, no cookies, no credentials, never an output file. Replaces the original's `curl`, whose
 * arbitrary arguments allowed `file://` reads, `-o` writes and SSRF.
 *
 * Starts disabled: unlike ping or dns it makes an application-level request from this machine's
 * vantage point, so it can reach services on internal networks and on localhost (SSRF). An
 * operator who wants it enables it. It does not block private addresses: checking a local
 * service is a legitimate use in an ops console.
 */
import http from 'node:http';
import https from 'node:https';
import { describeError, InProcessPlugin, type TaskContext } from '../inprocess.ts';
import type { Runner } from '../runner.ts';
import { checkParams, urlParam } from '../validate.ts';

/** Most body bytes read (and shown), whatever the output bound. */
export const MAX_BODY_BYTES = 16 * 1024;
/** Headers worth showing, in this order. */
export const SHOWN_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'location',
  'server',
  'date',
  'last-modified',
  'cache-control',
] as const;

const USAGE = '[url]  an http:// or https:// URL, without credentials';
const TEXTUAL = /^(text\/|application\/(json|xml|javascript|ecmascript|x-www-form-urlencoded)|[^;]*\+(json|xml))/i;
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function createHttpPlugin(options: { enabled?: boolean } = {}): Runner {
  return new InProcessPlugin({
    name: 'http',
    description: 'Fetches a URL with GET and shows the status, key headers and the start of the body.',
    paramsHelp: USAGE,
    enabled: options.enabled ?? false,
    validate: (params) => {
      const [url] = checkParams(params, 1, 1, USAGE);
      return [urlParam(url ?? '')];
    },
    command: (params) => ['http', 'GET', ...params],
    task: ([url = ''], ctx) => get(new URL(url), ctx),
  });
}

function get(url: URL, ctx: TaskContext): Promise<number> {
  return new Promise<number>((resolve) => {
    const started = performance.now();
    let settled = false;
    // Later events (a destroyed socket's error, a late close) must not add output after the verdict.
    const settle = (code: number, errorLine?: string): void => {
      if (settled) return;
      settled = true;
      if (errorLine !== undefined) ctx.stderr(errorLine);
      resolve(code);
    };
    const client = url.protocol === 'https:' ? https : http;
    const req = client.get(
      url,
      {
        signal: ctx.signal,
        agent: false, // no pooled keep-alive socket outlives the run
        headers: { 'user-agent': 'Observatory-LookingGlass/1', accept: '*/*', 'accept-encoding': 'identity' },
      },
      (res) => {
        ctx.stdout(`HTTP/${res.httpVersion} ${res.statusCode ?? 0} ${printable(res.statusMessage ?? '')}`.trimEnd());
        for (const name of SHOWN_HEADERS) {
          const value = res.headers[name];
          if (value === undefined) continue;
          ctx.stdout(`${headerCase(name)}: ${printable(Array.isArray(value) ? value.join(', ') : value)}`);
        }
        ctx.stdout('');

        const limit = Math.min(MAX_BODY_BYTES, ctx.maxOutputBytes);
        const chunks: Buffer[] = [];
        let kept = 0;
        const done = (cut: boolean): void => {
          if (settled) return;
          const body = Buffer.concat(chunks);
          const type = String(res.headers['content-type'] ?? '');
          const ms = (performance.now() - started).toFixed(1);
          if (body.length > 0) {
            if ((type === '' || TEXTUAL.test(type)) && !body.includes(0)) {
              ctx.stdout(printable(body.toString('utf8')));
            } else {
              ctx.stdout(`[${body.length} bytes of ${type === '' ? 'binary' : printable(type)} body not shown]`);
            }
          }
          ctx.stdout(cut ? `[body cut after ${kept} bytes; ${ms} ms]` : `[${kept} body bytes in ${ms} ms]`);
          settle(0);
        };
        res.on('data', (chunk: Buffer) => {
          if (settled) return;
          if (kept + chunk.length > limit) {
            chunks.push(chunk.subarray(0, limit - kept));
            kept = limit;
            done(true);
            res.destroy();
            return;
          }
          chunks.push(chunk);
          kept += chunk.length;
        });
        res.on('end', () => done(false));
        res.on('error', (err) => settle(1, `response from ${url.host} failed: ${describeError(err)}`));
        res.on('close', () => {
          if (res.complete) done(false);
          else settle(1, `response from ${url.host} ended early after ${kept} body bytes`);
        });
      },
    );
    req.on('error', (err) => settle(1, `request to ${url.host} failed: ${describeError(err)}`));
  });
}

function headerCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

function printable(text: string): string {
  return text.replace(UNPRINTABLE, '\uFFFD');
}

export const P: Runner = createHttpPlugin();
