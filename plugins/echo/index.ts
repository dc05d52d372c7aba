/**
 * echo — the Go original's `testPlugin`: runs the `echo` binary with the params as its arguments.
 * Useful to check the task pipeline end to end. Starts disabled, as every original plugin did.
 */
import { ProcessPlugin } from '../process.ts';
import type { Runner } from '../runner.ts';
import { checkParams, safeParam } from '../validate.ts';

const USAGE = '[word...]  up to 8 words of plain text (no shell characters, none starting with "-")';

export const P: Runner = new ProcessPlugin({
  name: 'echo',
  description: 'Prints its params back (the original testPlugin); checks that tasks run end to end.',
  paramsHelp: USAGE,
  enabled: false,
  binary: 'echo',
  validate: (params) => checkParams(params, 0, 8, USAGE).map((word, i) => safeParam(word, `word ${i + 1}`)),
  args: (params) => params,
});
