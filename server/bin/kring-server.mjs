#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), so the server and the browser share src/ unbuilt.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
