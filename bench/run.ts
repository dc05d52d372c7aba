import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { BenchOptions } from './lib/options.ts';
import { benchLookingGlass } from './lookingglass.ts';

/** `npm run bench -- <name> [--seconds N] [--connections N] [--rounds N] [--workers N]`: bounded loopback benchmarks against a peer in the same run. */
const benches: Record<string, (opts: BenchOptions) => Promise<void>> = {
  lookingglass: benchLookingGlass,
};

const limits = { seconds: [1, 120], connections: [1, 1000], rounds: [1, 9], workers: [1, 16] } as const;
const { values, positionals } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '125' },
    rounds: { type: 'string', default: '3' },
    workers: { type: 'string', default: String(availableParallelism()) },
  },
  allowPositionals: true,
});
const opts = {
  seconds: Number(values.seconds),
  connections: Number(values.connections),
  rounds: Number(values.rounds),
  workers: Number(values.workers),
};
for (const [key, [min, max]] of Object.entries(limits)) {
  const value = opts[key as keyof BenchOptions];
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${key} must be a whole number from ${min} to ${max}`);
    process.exit(2);
  }
}
const names = positionals.length > 0 ? positionals : Object.keys(benches);
for (const name of names) {
  const bench = benches[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  await bench(opts);
}
