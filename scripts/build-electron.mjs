// Bundles the Electron main process and preload into dist/electron. The preload
// runs sandboxed, where only a bundled CommonJS file can load.
import { build } from 'esbuild';
import { sourceUrls } from './esbuild-source-urls.mjs';
import { zodEnglishOnly } from './zod-english-only.mjs';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'info' };

await build({
  ...common,
  entryPoints: ['main/electron/main.ts'],
  outfile: 'dist/electron/main.js',
  format: 'esm',
  // Native and Electron modules stay outside the bundle, loaded at run time.
  external: ['electron', 'better-sqlite3-multiple-ciphers', 'koffi', 'serialport', '@serialport/*', 'node-hid', 'ws', 'tsx'],
  plugins: [sourceUrls('dist/electron/main.js'), zodEnglishOnly()],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await build({
  ...common,
  entryPoints: ['main/electron/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});
