/**
 * dns — in-process lookup of one record type for a name, one output line per record.
 *
 * A and AAAA go through the system resolver (`dns.lookup`: hosts file, then DNS), so the answer is
 * the address ping/traceroute/tcp would use from this machine; MX, TXT, NS and CNAME are DNS
 * queries to the system's DNS servers. With explicit `servers` every type is a DNS query to them.
 * Enabled at start: a read-only lookup of a validated name.
 */
import { lookup, Resolver } from 'node:dns/promises';
import { describeError, InProcessPlugin, type TaskContext } from '../inprocess.ts';
import type { Runner } from '../runner.ts';
import { checkParams, enumParam, hostParam } from '../validate.ts';

export const RECORD_TYPES = ['A', 'AAAA', 'MX', 'TXT', 'NS', 'CNAME'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Per-try timeout for DNS queries (ms); the run's own timeout still applies on top. */
const QUERY_TIMEOUT_MS = 5_000;

const USAGE = `[name, type?]  name: hostname; type: ${RECORD_TYPES.join(', ')} (default A)`;

export interface DnsPluginOptions {
  /** DNS servers to query (`ip` or `ip:port`) instead of the system's; mainly for tests. */
  servers?: string[];
  enabled?: boolean;
}

export function createDnsPlugin(options: DnsPluginOptions = {}): Runner {
  const servers = options.servers;
  return new InProcessPlugin({
    name: 'dns',
    description: 'Looks up DNS records (A, AAAA, MX, TXT, NS, CNAME) for a name.',
    paramsHelp: USAGE,
    enabled: options.enabled ?? true,
    validate: (params) => {
      const [name, type] = checkParams(params, 1, 2, USAGE);
      return [hostParam(name ?? '', 'name', { allowUnderscore: true }), type === undefined ? 'A' : enumParam(type, 'type', RECORD_TYPES)];
    },
    command: (params) => ['dns', ...params],
    task: async ([name = '', type = 'A'], ctx) => {
      try {
        const lines = await query(name, type as RecordType, ctx, servers);
        if (lines.length === 0) {
          ctx.stderr(`${name}: no ${type} records`);
          return 1;
        }
        for (const line of lines) ctx.stdout(line);
        return 0;
      } catch (err) {
        if (ctx.signal.aborted) return 1;
        ctx.stderr(`${name} ${type}: ${explain(err)}`);
        return 1;
      }
    },
  });
}

async function query(name: string, type: RecordType, ctx: TaskContext, servers: string[] | undefined): Promise<string[]> {
  if ((type === 'A' || type === 'AAAA') && servers === undefined) {
    const found = await lookup(name, { all: true, family: type === 'A' ? 4 : 6 });
    return unique(found.map((a) => `${name} ${type} ${a.address}`));
  }
  const resolver = new Resolver({ timeout: Math.min(QUERY_TIMEOUT_MS, ctx.timeoutMs), tries: 2 });
  if (servers !== undefined) resolver.setServers(servers);
  const onAbort = (): void => resolver.cancel();
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  try {
    switch (type) {
      case 'A':
        return (await resolver.resolve4(name, { ttl: true })).map((r) => `${name} A ${r.address} ttl=${r.ttl}`);
      case 'AAAA':
        return (await resolver.resolve6(name, { ttl: true })).map((r) => `${name} AAAA ${r.address} ttl=${r.ttl}`);
      case 'MX':
        return (await resolver.resolveMx(name))
          .sort((a, b) => a.priority - b.priority)
          .map((r) => `${name} MX ${r.priority} ${r.exchange}`);
      case 'TXT':
        // One record may hold several strings; they form one value. JSON quoting keeps it one line.
        return (await resolver.resolveTxt(name)).map((chunks) => `${name} TXT ${JSON.stringify(chunks.join(''))}`);
      case 'NS':
        return (await resolver.resolveNs(name)).map((ns) => `${name} NS ${ns}`);
      case 'CNAME':
        return (await resolver.resolveCname(name)).map((c) => `${name} CNAME ${c}`);
    }
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
  }
}

function explain(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOTFOUND') return 'name not found (ENOTFOUND)';
  if (code === 'ENODATA') return 'no records of this type (ENODATA)';
  return describeError(err);
}

function unique(lines: string[]): string[] {
  return [...new Set(lines)];
}

export const P: Runner = createDnsPlugin();
