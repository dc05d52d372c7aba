#!/usr/bin/env node
// Plain JavaScript on purpose: it must run on an old Node to say which one is needed.
import { requireSupportedNode } from './node-version.js';

requireSupportedNode();
const { main } = await import('../services/cli.ts');
process.exitCode = await main(process.argv.slice(2));
