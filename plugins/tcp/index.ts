/**
 * tcp — in-process connect test to host:port: reports whether the connection was accepted and how
 * long it took, or the error (refused, unreachable, timed out). Sends no data and closes at once.
 *
 * Starts disabled: a connect to any port is a port probe of whatever this machine can reach,
 * internal networks included; an operator enables it when wanted.
 */
import net from 'node:net';
import { describeError, InProcessPlugin, type TaskContext } from '../inprocess.ts';
import type { Runner } from '../runner.ts';
import { checkParams, hostParam, portParam } from '../validate.ts';

const USAGE = '[host, port]  host: hostname or IP address; port: 1..65535';

export function createTcpPlugin(options: { enabled?: boolean } = {}): Runner {
  return new InProcessPlugin({
    name: 'tcp',
    description: 'Tests whether a TCP connection to host:port succeeds and how long it takes.',
    paramsHelp: USAGE,
    enabled: options.enabled ?? false,
    validate: (params) => {
      const [host, port] = checkParams(params, 2, 2, USAGE);
      return [hostParam(host ?? ''), portParam(port ?? '')];
    },
    command: (params) => ['tcp', ...params],
    task: ([host = '', port = ''], ctx) => connect(host, Number(port), ctx),
  });
}

function connect(host: string, port: number, ctx: TaskContext): Promise<number> {
  return new Promise<number>((resolve) => {
    const started = performance.now();
    const elapsed = (): string => `${(performance.now() - started).toFixed(1)} ms`;
    const target = net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
    const socket = net.connect({ host, port });
    const onAbort = (): void => {
      socket.destroy();
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      ctx.stdout(`connected to ${target} (${socket.remoteAddress ?? '?'}) in ${elapsed()}`);
      ctx.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(0);
    });
    socket.once('error', (err) => {
      ctx.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      ctx.stderr(`connection to ${target} failed after ${elapsed()}: ${describeError(err)}`);
      resolve(1);
    });
  });
}

export const P: Runner = createTcpPlugin();
