// Turning what a resident typed or said into digits and numbers. Recognisers and
// keypads hand us 一三八, １３８, "138 0013" or 三百五十; the flow wants 138 and 350.

const DIGIT_WORDS: Record<string, string> = {
  零: '0', 〇: '0', 洞: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4',
  五: '5', 六: '6', 七: '7', 拐: '7', 八: '8', 九: '9', 勾: '9',
};

/**
 * Digits only, for phone, bank account and ID numbers read digit by digit. Full-width
 * digits and digit words become ASCII; spaces, dashes and commas go; an ID number's
 * final x or 叉 becomes X. Anything else is kept so validation can complain about it.
 */
export function normalizeDigits(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else if (DIGIT_WORDS[ch] !== undefined) out += DIGIT_WORDS[ch];
    else if (ch === 'x' || ch === 'X' || ch === '叉' || ch === 'Ｘ' || ch === 'ｘ') out += 'X';
    else if (/[\s\-—_,，、.。]/.test(ch)) continue;
    else out += ch;
  }
  return out;
}

const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/**
 * A spoken whole number below 100 000 000 (三百五十, 两万零五百, 十二) or null.
 * 三百五 means 350, as people say it: a bare trailing digit after 百/千 counts one unit lower.
 */
function parseChineseInteger(text: string): number | null {
  if (text === '') return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = 1;
  let zeroSinceUnit = false;
  for (const ch of text) {
    const d = DIGIT_WORDS[ch];
    const unit = UNITS[ch];
    if (d !== undefined) {
      digit = Number(d);
      if (digit === 0) zeroSinceUnit = true;
    } else if (unit !== undefined) {
      section += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
      zeroSinceUnit = false;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
      lastUnit = 10_000;
      zeroSinceUnit = false;
    } else {
      return null;
    }
  }
  const tail = digit ?? 0;
  return total + section + (lastUnit >= 100 && !zeroSinceUnit ? (tail * lastUnit) / 10 : tail);
}

/**
 * A number from the keypad (350, 350.5, １２) or from speech (三百五十, 三百五十块,
 * 四百元, 一千二百点五). Returns null when it is not a number.
 */
export function parseNumber(input: string): number | null {
  const s = input.trim().replace(/[元块圆钱人个位口份张岁年次户天]+$/u, '').replace(/[,，\s]/g, '');
  const ascii = normalizeFullWidth(s);
  if (/^\d+(\.\d+)?$/.test(ascii)) return Number(ascii);
  const [intPart, decPart, extra] = s.split('点');
  if (extra !== undefined || intPart === undefined) return null;
  const whole = /^\d+$/.test(intPart) ? Number(intPart) : parseChineseInteger(intPart);
  if (whole === null) return null;
  if (decPart === undefined) return whole;
  const decimals = normalizeDigits(decPart);
  return /^\d+$/.test(decimals) ? Number(`${whole}.${decimals}`) : null;
}

function normalizeFullWidth(s: string): string {
  return s.replace(/[\uff10-\uff19\uff0e]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)));
}

const SPOKEN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Digits read back one by one, in groups (138 0013 8000 → 一三八，零零一三，八零零零),
 * the way a phone or card number is checked aloud. 1 is read 幺 as on the phone.
 */
export function spellDigits(digits: string, groups: readonly number[] = [3, 4, 4]): string {
  const words = [...digits].map((c) => (c === '1' ? '幺' : c === 'X' ? '叉' : (SPOKEN_DIGITS[Number(c)] ?? c)));
  const out: string[] = [];
  let i = 0;
  for (const g of groups) {
    if (i >= words.length) break;
    out.push(words.slice(i, i + g).join(''));
    i += g;
  }
  while (i < words.length) {
    out.push(words.slice(i, i + 4).join(''));
    i += 4;
  }
  return out.join('，');
}
