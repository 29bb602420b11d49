// Build step: copies what the face check loads at run time into the renderer's
// output (dist/renderer/face/), so the web host and Electron's app:// serve it
// like any other renderer file, read-only, from the kiosk itself. Only the four
// models the check uses, and the wasm binaries of the tfjs version human bundles.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Must match FACE_MODELS in src/face/human-config.ts (a unit test checks both). */
export const FACE_MODEL_FILES = ['blazeface', 'facemesh', 'iris', 'faceres'].flatMap((m) => [`${m}.json`, `${m}.bin`]);
/** The plain and SIMD builds; the threaded one needs cross-origin isolation the kiosk does not ask for. */
export const FACE_WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'];

export function faceAssetSources(): { models: string; wasm: string } {
  // By path: human's package.json `exports` hides its models folder from require.resolve.
  const modules = fileURLToPath(new URL('../node_modules/', import.meta.url));
  return { models: path.join(modules, '@vladmandic', 'human', 'models'), wasm: path.join(modules, '@tensorflow', 'tfjs-backend-wasm', 'dist') };
}

export function copyFaceAssets(outDir: string): void {
  const src = faceAssetSources();
  const copy = (from: string, files: string[], to: string) => {
    fs.mkdirSync(to, { recursive: true });
    for (const f of files) fs.copyFileSync(path.join(from, f), path.join(to, f));
  };
  copy(src.models, FACE_MODEL_FILES, path.join(outDir, 'face', 'models'));
  copy(src.wasm, FACE_WASM_FILES, path.join(outDir, 'face', 'wasm'));
}

export function faceAssetsPlugin(outDir: string): Plugin {
  return { name: 'xiangyin-face-assets', apply: 'build', writeBundle: () => copyFaceAssets(outDir) };
}
