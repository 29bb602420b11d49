// The loaded keyword spotter: the model checked against its manifest, the native
// spotter, and the model's token inventory. Loaded once per process (0.2-0.9 s,
// about 40 MB); every listening session then opens a cheap stream on it.
import fs from 'node:fs';
import path from 'node:path';
import { RecognizerError } from '../recognition/recognizer.js';
import { isProvisioned } from '../models/provision.js';
import { defaultSpotterSettings, loadSpotter, type NativeSpotter, type SpotterSettings } from './addon.js';
import { kwsModelManifest, kwsModelPaths } from './model.js';
import { buildKeywordSet, loadTokenSet, type KeywordPhrase, type KeywordSet, type KeywordThresholds } from './keyword-lines.js';
import type { Merger } from './accent.js';
import { SpotStream } from './spot-stream.js';

export interface KwsEngineOptions {
  readonly modelDir: string;
  readonly settings?: Partial<SpotterSettings>;
  readonly thresholds?: KeywordThresholds;
  /** The accent mergers whose variants are spotted too (none: only the standard forms). */
  readonly mergers?: readonly Merger[];
}

export interface KwsEngine {
  /** The model's token inventory: what a keyword may be made of (token-dictionary.ts builds on it). */
  readonly tokens: ReadonlySet<string>;
  keywordSet(phrases: readonly KeywordPhrase[]): KeywordSet;
  /** A stream on `set` that first hears `leadS` seconds of silence (spot-stream.ts). */
  stream(set: KeywordSet, leadS: number): SpotStream;
}

/** Throws RecognizerError: model-missing (no model folder), model-corrupt (a file differs from the manifest), library-missing. */
export function loadKwsEngine(o: KwsEngineOptions): KwsEngine {
  const paths = kwsModelPaths(o.modelDir);
  if (!fs.existsSync(paths.tokens) && !fs.existsSync(paths.encoder)) {
    throw new RecognizerError('model-missing', `No keyword-spotting model in ${o.modelDir}; run npm run provision:models`);
  }
  // Checked byte for byte before the native code sees it: a damaged ONNX file can crash it.
  if (!isProvisioned(kwsModelManifest, o.modelDir)) {
    const bad = kwsModelManifest.files.filter((f) => !isProvisioned({ ...kwsModelManifest, files: [f] }, o.modelDir)).map((f) => path.basename(f.path));
    throw new RecognizerError('model-corrupt', `The keyword-spotting model in ${o.modelDir} does not match its manifest (${bad.join(', ')}); run npm run provision:models`);
  }
  const native: NativeSpotter = loadSpotter(paths, { ...defaultSpotterSettings, ...o.settings });
  const tokens = loadTokenSet(paths.tokens);
  const sets = new Map<string, KeywordSet>();
  return {
    tokens,
    keywordSet(phrases) {
      const key = JSON.stringify(phrases);
      let set = sets.get(key);
      if (!set) {
        set = buildKeywordSet(phrases, tokens, o.thresholds, o.mergers);
        sets.set(key, set);
      }
      return set;
    },
    stream: (set, leadS) => new SpotStream(native, set, leadS),
  };
}
