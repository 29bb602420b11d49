// The web host's esbuild options, shared by scripts/build-host.mjs and the test
// that checks what each chunk loads (tests/unit/build/host-chunks.test.ts).
import { sourceUrls } from './esbuild-source-urls.mjs';
import { viaRequire } from './via-require.mjs';
import { zodEnglishOnly } from './zod-english-only.mjs';

export const hostBuildOptions = {
  entryPoints: ['main/webhost/launch.ts'],
  // Split at dynamic imports: the launcher binds the port and starts Chromium
  // before it loads the station (main/webhost/launch.ts), so the station's
  // code is a chunk of its own, parsed only then; the embedded sync server and
  // the PostgreSQL storage (only where a database is named) likewise. Chunks sit
  // beside launch.js, where sourceUrls() expects every output file to be.
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
  plugins: [sourceUrls('dist/host/launch.js'), zodEnglishOnly(), viaRequire(['ws', 'better-sqlite3-multiple-ciphers', 'serialport', 'node-hid', 'vosk', '@napi-rs/canvas'])],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
