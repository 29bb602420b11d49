// Bundles the web host (station core included) into dist/host/launch.js, so a
// station runs plain JavaScript: no TypeScript transpiler and its helper
// processes in memory, and a faster cold start. Native modules stay external.
import fs from 'node:fs';
import { build } from 'esbuild';
import { sourceUrls } from './esbuild-source-urls.mjs';

// Chunks are named by their hash: last build's would otherwise pile up beside the new ones.
fs.rmSync('dist/host', { recursive: true, force: true });

await build({
  entryPoints: ['main/webhost/launch.ts'],
  // Split at dynamic imports: the launcher binds the port and starts Chromium
  // before it loads the station (main/webhost/launch.ts), so the station's
  // code is a chunk of its own, parsed only then. Chunks sit beside launch.js,
  // where sourceUrls() expects every output file to be.
  outdir: 'dist/host',
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  external: ['better-sqlite3-multiple-ciphers', 'koffi', 'serialport', '@serialport/*', 'node-hid', 'ws', 'vosk', 'tsx', 'electron', '@napi-rs/*'],
  plugins: [sourceUrls('dist/host/launch.js')],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
