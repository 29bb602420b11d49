// How @vladmandic/human is set up for the face check. Everything comes from the
// kiosk's own host (the build copies the wasm binaries and the four face models
// into dist/renderer/face/, see renderer/face-assets.ts): human's defaults would
// fetch the wasm from a CDN, and no model is kept in IndexedDB between residents.
import type { Config } from '@vladmandic/human';

/** The models the check uses: blazeface finds faces, facemesh and iris give eyes, mouth and yaw, faceres the descriptor. */
export const FACE_MODELS = ['blazeface', 'facemesh', 'iris', 'faceres'] as const;

export interface FaceAssetUrls {
  readonly wasm: string;
  readonly models: string;
}

/** The host-served folders, relative to the page (the web host's / or Electron's app://kiosk/). */
export function faceAssetUrls(base: string): FaceAssetUrls {
  return { wasm: new URL('face/wasm/', base).href, models: new URL('face/models/', base).href };
}

/**
 * The configuration for every frame of the challenge (detector, mesh and iris:
 * about 80 ms a frame on 2 cores) or, with `describe`, for the one chosen frame
 * (faceres added, run once). Passed whole on every call, because human merges a
 * call's config into its own for good.
 */
export function humanConfig(urls: FaceAssetUrls, opts: { describe: boolean }): Partial<Config> {
  return {
    backend: 'wasm',
    wasmPath: urls.wasm,
    wasmPlatformFetch: false,
    modelBasePath: urls.models,
    cacheModels: false,
    warmup: 'none',
    debug: false,
    // A blink lasts 130–200 ms: every frame must be analysed, none reused from a similar one.
    cacheSensitivity: 0,
    // human's image filters run on WebGL, which a kiosk without a GPU emulates slowly on the CPU.
    filter: { enabled: false, return: false, flip: false },
    gesture: { enabled: false },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    segmentation: { enabled: false },
    face: {
      enabled: true,
      // Two so that a second person is seen (the check pauses for them). Between detector runs
      // (at most a second apart) the mesh follows the face, which keeps the frame rate up.
      detector: { enabled: true, modelPath: 'blazeface.json', rotation: false, maxDetected: 2, skipFrames: 10, skipTime: 1000, minConfidence: 0.5, return: false },
      mesh: { enabled: true, modelPath: 'facemesh.json' },
      iris: { enabled: true, modelPath: 'iris.json' },
      attention: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
      description: { enabled: opts.describe, modelPath: 'faceres.json', skipFrames: 0, skipTime: 0 },
    },
  } as Partial<Config>;
}
