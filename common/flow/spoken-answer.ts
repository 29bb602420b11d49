// Turning what the recogniser heard into an answer for the question on screen, so
// every question can be answered by voice alone. The result goes through the
// same answer() as a tap or a keypad entry, so validation and errors are shared.
// Returns null when the words do not answer the question (the screen then asks
// again, or offers the buttons).
import type { ChoiceOption, Field, Surface } from '../catalogue/schema/fields.js';
import { confirmVoiceSynonyms } from '../catalogue/voice-synonyms.js';
import { matchWord, soundKey, type MatchKind } from '../policy/sound.js';
import { normalizeDigits } from './numbers.js';
import { offeredOptions } from './validate.js';

// The speech area's confirm words (是的, 不对, 没错…) plus answers to 有没有 / 在不在 questions.
const YES_NO: readonly (readonly [string, boolean])[] = [
  ...confirmVoiceSynonyms.yes.map((w) => [w, true] as const),
  ...confirmVoiceSynonyms.no.map((w) => [w, false] as const),
  // 没错 is matched here on text, longest word first, so 错了 cannot be taken for it (the
  // recogniser's grammars leave it out: by sound the two are too close).
  ...['没错', '有', '有的', '在', '在的', '领了', '嗯'].map((w) => [w, true] as const),
  ...['没有', '没', '不在', '没领', '不用', '不可以', '不好', '否'].map((w) => [w, false] as const),
].sort((a, b) => b[0].length - a[0].length);
const MATCH_WEIGHT: Record<MatchKind, number> = { text: 3, sound: 2, folded: 1 };

function clean(utterance: string): string {
  return utterance.replace(/[\s，。！？、,.!?]/g, '');
}

/** 是 / 不是: the longest word heard decides, so 不是 is not 是 and 没错 is not 没. */
function yesNo(text: string): boolean | null {
  return YES_NO.find(([w]) => text.includes(w))?.[1] ?? null;
}

/**
 * The option whose label and voice words match best: each phrase heard adds its
 * length, weighted by how surely it was heard (as written, by sound, by folded
 * sound), so 我和老伴一起交 (我和 + 一起) beats 老伴 alone. Two options scoring the
 * same is not an answer: ask again.
 */
export function matchOption(options: readonly ChoiceOption[], utterance: string): ChoiceOption | null {
  const said = soundKey(clean(utterance));
  let best: { option: ChoiceOption; score: number } | null = null;
  let tie = false;
  for (const option of options) {
    let score = 0;
    for (const phrase of new Set([option.label, ...option.voice])) {
      const key = soundKey(phrase);
      const m = matchWord(said, key);
      if (m) score += MATCH_WEIGHT[m] * key.exact.length;
    }
    if (score === 0) continue;
    if (!best || score > best.score) {
      best = { option, score };
      tie = false;
    } else if (score === best.score) {
      tie = true;
    }
  }
  return best && !tie ? best.option : null;
}

const NUMBER_RUN = /[\d０-９零〇一二两三四五六七八九十百千万幺拾佰仟点.]+/gu;
const DIGIT_CHARS = /[\d０-９零〇洞一幺二两三四五六七拐八九勾xX叉]/gu;

export function answerFromSpeech(field: Field, utterance: string, surface: Surface): unknown {
  const text = clean(utterance);
  if (!text) return null;
  switch (field.kind) {
    case 'yes-no':
      return yesNo(text);
    case 'choice':
    case 'relationship':
      return matchOption(offeredOptions(field.options, surface), text)?.value ?? null;
    case 'count':
    case 'amount': {
      // 我家一共五口人 → 五: drop the words that merely contain 一, then take the longest number-like run.
      const runs = text.replace(/一共|一起|一下|一点儿?|一般|大概|差不多/gu, '').match(NUMBER_RUN) ?? [];
      const longest = runs.sort((a, b) => b.length - a.length)[0];
      return longest ?? null;
    }
    case 'phone':
    case 'bank-account':
    case 'id-number': {
      const digits = (text.match(DIGIT_CHARS) ?? []).join('');
      return digits ? normalizeDigits(digits) : null;
    }
    case 'text':
      return text.replace(/^(?:他|她|我)?(?:的)?(?:名字)?(?:叫|是)/u, '') || null;
    // A family member is read from their own card (or keyed by a specialist), never heard.
    case 'photo':
    case 'family-card':
      return null;
  }
}
