#!/usr/bin/env node
// The `ledger` package bin: runs the TypeScript CLI through tsx, so the CLI and the app share one core source.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
