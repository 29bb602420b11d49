// Builds the recognizer the station config asks for. Shared by the station's
// speech module and the technician CLI so both hear with the same ears.
import type { SpeechConfig } from './config.js';
import { defaultPocketSphinxModelDir } from './models/paths.js';
import { createPocketSphinxRecognizer } from './recognition/pocketsphinx-recognizer.js';
import type { Recognizer } from './recognition/recognizer.js';
import { createVoskRecognizer } from './recognition/vosk-recognizer.js';
import { RecognizerError } from './recognition/recognizer.js';
import { pocketSphinxZhManifest } from './models/manifest.js';
import { isProvisioned } from './models/provision.js';
import fs from 'node:fs';
import { ALL_MERGERS } from './kws/accent.js';
import { defaultKeywordThresholds } from './kws/keyword-lines.js';
import type { KwsEngineOptions } from './kws/engine.js';
import { defaultKwsModelDir, kwsModelPaths } from './kws/model.js';
import { createSherpaKwsRecognizer } from './recognition/sherpa-kws-recognizer.js';
import path from 'node:path';

export type RecognitionConfig = SpeechConfig['recognition'];

export const kwsModelDirOf = (c: RecognitionConfig): string => c.sherpaKws.modelDir ?? defaultKwsModelDir();

/** The spotter as the station config sets it up: shared by the kiosk and `xiangyin speech spot`. */
export function kwsEngineOptions(c: RecognitionConfig): KwsEngineOptions {
  const k = c.sherpaKws;
  return {
    modelDir: kwsModelDirOf(c),
    mergers: k.accentVariants ? ALL_MERGERS : [],
    thresholds: { ...defaultKeywordThresholds, base: k.threshold, oneSyllable: k.oneSyllableThreshold },
  };
}

/** Which engine 'auto' means for this config; null when recognition is off. */
export function selectedEngine(c: RecognitionConfig): Recognizer['engine'] | null {
  if (c.engine === 'none') return null;
  if (c.engine !== 'auto') return c.engine;
  if (c.vosk.modelDir) return 'vosk';
  // A spotter model present but damaged is still chosen: it fails as model-corrupt, loudly, rather
  // than the kiosk quietly falling back to an engine that hears far less. PocketSphinx only where
  // its model is there and the spotter's is not; with neither, the error names the spotter's.
  if (fs.existsSync(kwsModelPaths(kwsModelDirOf(c)).tokens)) return 'sherpa-kws';
  const sphinxDir = c.pocketsphinx.modelDir ?? defaultPocketSphinxModelDir();
  return fs.existsSync(path.join(sphinxDir, pocketSphinxZhManifest.files[0]!.path)) ? 'pocketsphinx' : 'sherpa-kws';
}

/** Throws RecognizerError (model-missing, model-corrupt, library-missing) when it cannot. */
export function createRecognizer(c: RecognitionConfig): Recognizer | null {
  const engine = selectedEngine(c);
  const thresholds = { accept: c.acceptConfidence, confirmYes: c.confirmYesConfidence, digits: c.digitsConfidence };
  if (engine === 'sherpa-kws') return createSherpaKwsRecognizer({ ...kwsEngineOptions(c), thresholdsOfDecision: thresholds, spokenNumbers: c.sherpaKws.spokenNumbers });
  if (engine === 'vosk') return createVoskRecognizer({ modelDir: c.vosk.modelDir ?? '', library: c.vosk.library, thresholds });
  if (engine === 'pocketsphinx') {
    const modelDir = c.pocketsphinx.modelDir ?? defaultPocketSphinxModelDir();
    // The pinned model is checked byte for byte: PocketSphinx exits the process on
    // some damaged files instead of returning an error.
    const pinned = path.join(modelDir, pocketSphinxZhManifest.files[0]!.path);
    if (fs.existsSync(pinned) && !isProvisioned(pocketSphinxZhManifest, modelDir)) {
      throw new RecognizerError('model-corrupt', `The speech model in ${modelDir} does not match its manifest; run npm run provision:models`);
    }
    return createPocketSphinxRecognizer({ modelDir, library: c.pocketsphinx.library, thresholds, hesitationCheck: c.pocketsphinx.hesitationCheck });
  }
  return null;
}
