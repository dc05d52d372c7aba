/**
 * ping — `ping -c <count> -W <per-reply timeout> <host>`. Enabled at start: a fixed, small number of
 * echo requests to one validated host is the looking glass's basic, read-only diagnostic.
 */
import { ProcessPlugin } from '../process.ts';
import type { Runner } from '../runner.ts';
import { PluginParamError } from '../runner.ts';
import { checkParams, hostParam, intParam } from '../validate.ts';

export const DEFAULT_COUNT = 4;
export const MAX_COUNT = 10;
/** Seconds to wait for each reply (`-W`). */
export const REPLY_TIMEOUT_S = 2;

const USAGE = `[host, count?]  host: hostname or IP address; count: 1..${MAX_COUNT} echo requests (default ${DEFAULT_COUNT})`;

export const P: Runner = new ProcessPlugin({
  name: 'ping',
  description: 'Sends a few ICMP echo requests to a host and reports replies and round-trip times.',
  paramsHelp: USAGE,
  enabled: true,
  binary: 'ping',
  validate: (params) => {
    const [host, count] = checkParams(params, 1, 2, USAGE);
    return [hostParam(host ?? ''), count === undefined ? String(DEFAULT_COUNT) : intParam(count, 'count', 1, MAX_COUNT)];
  },
  args: ([host, count]) => {
    if (host === undefined || count === undefined) throw new PluginParamError('ping: missing validated params');
    return ['-c', count, '-W', String(REPLY_TIMEOUT_S), host];
  },
});
