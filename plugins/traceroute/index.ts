/**
 * traceroute — `traceroute -m <max hops> -w 2 <host>`. Enabled at start for the same reason as ping:
 * a bounded, read-only path diagnostic to one validated host.
 */
import { ProcessPlugin } from '../process.ts';
import type { Runner } from '../runner.ts';
import { PluginParamError } from '../runner.ts';
import { checkParams, hostParam, intParam } from '../validate.ts';

export const DEFAULT_MAX_HOPS = 15;
export const MAX_HOPS = 30;
/** Seconds to wait for each probe (`-w`). */
export const PROBE_WAIT_S = 2;

const USAGE = `[host, maxHops?]  host: hostname or IP address; maxHops: 1..${MAX_HOPS} (default ${DEFAULT_MAX_HOPS})`;

export const P: Runner = new ProcessPlugin({
  name: 'traceroute',
  description: 'Shows the route packets take to a host, hop by hop, with round-trip times.',
  paramsHelp: USAGE,
  enabled: true,
  binary: 'traceroute',
  validate: (params) => {
    const [host, maxHops] = checkParams(params, 1, 2, USAGE);
    return [hostParam(host ?? ''), maxHops === undefined ? String(DEFAULT_MAX_HOPS) : intParam(maxHops, 'maxHops', 1, MAX_HOPS)];
  },
  args: ([host, maxHops]) => {
    if (host === undefined || maxHops === undefined) throw new PluginParamError('traceroute: missing validated params');
    return ['-m', maxHops, '-w', String(PROBE_WAIT_S), host];
  },
});
