import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { faceAssetsPlugin } from './face-assets.js';
import { reactOnPreact } from './react-on-preact.js';

// The renderer is built once into dist/renderer and served by the web host or
// Electron's app:// protocol. No inline scripts (the CSP forbids them). The face
// check's wasm and models are copied beside it (face-assets.ts).
const outDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), faceAssetsPlugin(outDir)],
  // React's API, run on Preact (react-on-preact.ts says why).
  resolve: { alias: reactOnPreact },
  build: {
    outDir,
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome110',
  },
});
