#!/usr/bin/env node
// The `marginalia` command. Runs the TypeScript sources through tsx, so it needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
