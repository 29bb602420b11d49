// pinyin-pro as the engine behind common/text/pinyin.ts, for Han text the
// app's pinyin table does not hold (another recognizer's free text, a
// province's own catalogue, a development set's phrases). Loaded on the first
// such text, not before: its dictionaries cost ≈ 17 MB and ≈ 80 ms, which a
// station speaking only the app's own words never pays.
import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';
import { setPinyinEngine } from '../common/text/pinyin.js';
import { PINYIN_CORRECTIONS } from '../common/text/pinyin-corrections.js';

const load = createRequire(import.meta.url);
let pinyinPro: typeof PinyinPro | null = null;

/** Toned syllables of Han text, one per character, loading pinyin-pro on first use. */
const tonedSyllables = (han: string): string[] => {
  if (!pinyinPro) {
    pinyinPro = load('pinyin-pro') as typeof PinyinPro;
    pinyinPro.customPinyin(PINYIN_CORRECTIONS);
  }
  return pinyinPro.pinyin(han, { toneType: 'symbol', type: 'array', toneSandhi: false });
};

/** Idempotent; every module that turns text into pinyin calls it (the station, the CLIs and the tests then all have it). */
export function installPinyinEngine(): void {
  setPinyinEngine(tonedSyllables);
}

/**
 * Loads pinyin-pro now: for an engine that writes free text (PocketSphinx, Vosk), whose words
 * are matched by sound outside the table from its first turn on. Loaded with the engine's model,
 * off the resident's turn, rather than in the middle of it (≈ 80 ms and more on a busy box, with
 * the host's only thread held while the microphone's audio comes in).
 */
export function loadPinyinEngineNow(): void {
  installPinyinEngine();
  tonedSyllables('语音');
}

/** Whether pinyin-pro has been loaded in this process (the PocketSphinx test asks: it comes with that model). */
export const pinyinProLoaded = (): boolean => pinyinPro !== null;
