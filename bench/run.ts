import { parseArgs } from 'node:util';
import { benchLookingGlass } from './lookingglass.ts';

/** `npm run bench -- <name> [--seconds N] [--connections N]`: bounded loopback benchmarks against a peer in the same run. */
const benches: Record<string, (opts: { seconds: number; connections: number }) => Promise<void>> = {
  lookingglass: benchLookingGlass,
};

const { values, positionals } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '125' } },
  allowPositionals: true,
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
if (!Number.isInteger(seconds) || seconds < 1 || seconds > 120 || !Number.isInteger(connections) || connections < 1 || connections > 1000) {
  console.error('--seconds must be 1..120 and --connections 1..1000');
  process.exit(2);
}
const names = positionals.length > 0 ? positionals : Object.keys(benches);
for (const name of names) {
  const bench = benches[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  await bench({ seconds, connections });
}
