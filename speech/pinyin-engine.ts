// pinyin-pro as the engine behind common/text/pinyin.ts, for Han text the
// app's pinyin table does not hold (another recognizer's free text, a
// province's own catalogue, a development set's phrases). Loaded on the first
// such text, not before: its dictionaries cost ≈ 17 MB and ≈ 80 ms, which a
// station speaking only the app's own words never pays.
import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';
import { setPinyinEngine } from '../common/text/pinyin.js';

const load = createRequire(import.meta.url);
let pinyinPro: typeof PinyinPro | null = null;

/** Idempotent; every module that turns text into pinyin calls it (the station, the CLIs and the tests then all have it). */
export function installPinyinEngine(): void {
  setPinyinEngine((han) => {
    pinyinPro ??= load('pinyin-pro') as typeof PinyinPro;
    return pinyinPro.pinyin(han, { toneType: 'symbol', type: 'array', toneSandhi: false });
  });
}

/** Whether pinyin-pro has been loaded in this process (its table test and the start-up benchmark ask). */
export const pinyinProLoaded = (): boolean => pinyinPro !== null;
