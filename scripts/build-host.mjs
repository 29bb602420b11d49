// Bundles the web host (station core included) into dist/host/launch.js, so a
// station runs plain JavaScript: no TypeScript transpiler and its helper
// processes in memory, and a faster cold start. Native modules stay external.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { hostBuildOptions } from './host-build-options.mjs';
import { makeAsciiOnly } from './ascii-only.mjs';

// Chunks are named by their hash: last build's would otherwise pile up beside the new ones.
fs.rmSync('dist/host', { recursive: true, force: true });

await build(hostBuildOptions);
// One byte per character in V8's heap (ascii-only.mjs says why).
makeAsciiOnly('dist/host');

// The build's identity, over every file it wrote: what the host keeps between
// starts that its code decides (main/webhost/first-screen-cache.ts) is kept
// under it, so a new build never reads an old build's answer.
const hash = crypto.createHash('sha256');
for (const name of fs.readdirSync('dist/host').filter((n) => n.endsWith('.js')).sort()) hash.update(name).update('\0').update(fs.readFileSync(path.join('dist/host', name)));
fs.writeFileSync('dist/host/build-id', `${hash.digest('hex')}\n`);
