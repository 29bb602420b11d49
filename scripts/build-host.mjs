// Bundles the web host (station core included) into dist/host/launch.js, so a
// station runs plain JavaScript: no TypeScript transpiler and its helper
// processes in memory, and a faster cold start. Native modules stay external.
import fs from 'node:fs';
import { build } from 'esbuild';
import { hostBuildOptions } from './host-build-options.mjs';

// Chunks are named by their hash: last build's would otherwise pile up beside the new ones.
fs.rmSync('dist/host', { recursive: true, force: true });

await build(hostBuildOptions);
