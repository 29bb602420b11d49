// How people say a quantity: 四口人, 十二个, 两千五, 三百零五块 — as a number with
// 十/百/千/万, not digit by digit (nobody reads an income as 二五零零). The grammar
// holds the Chinese numerals up to the step's largest value, in the shapes they
// are said in, each optionally followed by a measure word (口人, 个, 元…). What
// was heard is read with the same parser as a typed or tapped answer
// (common/flow/numbers.ts), so 三百五 means 350 everywhere.
import { parseNumber } from '../../common/flow/numbers.js';

/** Said around a number given roughly (说个大概就行): 大概两千, 两千左右. Each is in the dictionary. */
export const QUANTITY_LEADS = ['一共', '大概', '差不多', '大约'] as const;
export const QUANTITY_TAILS = ['左右', '吧'] as const;

/** The numeral words the grammar is made of; each must be in the model's dictionary. */
export const NUMERAL_WORDS = ['零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万'] as const;

const DIGIT = '<qd>';

/**
 * JSGF rules for whole numbers from 1 up to at least `max` (and below 10^8), the top rule named
 * `<quantity>`. Shapes by size, each a rule: 五; 十二 / 二十五; 三百 / 三百五 / 三百零五 / 三百五十;
 * 两千 / 两千五 / 两千零五十; 一万二 / 十万 / 三万零五百. The grammar is looser than the numbers
 * (二十 is there when max is 12): the range is checked on the value, as for typed answers.
 */
export function quantityJsgfRules(max: number): string[] {
  const rules = [`${DIGIT} = ${NUMERAL_WORDS.slice(1, 11).join(' | ')};`];
  const top = [DIGIT];
  // Inside a bigger number the tens take their digit (三百五十, not 三百十).
  rules.push(`<qt> = ${DIGIT} 十 [${DIGIT}];`);
  if (max >= 10) {
    rules.push(`<q2> = [${DIGIT}] 十 [${DIGIT}];`);
    top.push('<q2>');
  }
  if (max >= 100) {
    // 三百五 is 350 (the parser's reading), 三百零五 is 305.
    rules.push(`<q3> = ${DIGIT} 百 [<qt> | ${DIGIT} | 零 ${DIGIT}];`);
    top.push('<q3>');
  }
  if (max >= 1000) {
    rules.push(`<q4> = ${DIGIT} 千 [<q3> | ${DIGIT} | 零 (<qt> | ${DIGIT})];`);
    top.push('<q4>');
  }
  if (max >= 10_000) {
    rules.push(`<q5> = (${DIGIT} | <q2> | <q3> | <q4>) 万 [<q4> | ${DIGIT} | 零 (<q3> | <qt> | ${DIGIT})];`);
    top.push('<q5>');
  }
  rules.push(`<quantity> = ${top.join(' | ')};`);
  return rules;
}

/** The whole number `text` says (a lead, a measure word and a tail around it allowed), or null when it says none. */
export function quantityValue(text: string): number | null {
  let core = text;
  for (const w of QUANTITY_LEADS) if (core.startsWith(w)) core = core.slice(w.length);
  for (const w of QUANTITY_TAILS) if (core.endsWith(w)) core = core.slice(0, -w.length);
  if (![...core].some((c) => (NUMERAL_WORDS as readonly string[]).includes(c))) return null;
  const n = parseNumber(core);
  return n !== null && Number.isInteger(n) ? n : null;
}
