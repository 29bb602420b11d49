// How numbers are read aloud to an elderly resident. Pure text → text, shared by
// the station's prompts and the renderer's read-aloud, so what is on the screen
// and what is spoken always agree. Chinese TTS reads "1350" as a quantity and an
// ID number as a huge number; residents need digit-by-digit and 元/角.
const DIGIT = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A digit string read back one by one, as on the phone: 1 is 幺 so it is not heard as 七. */
export function speakDigits(digits: string, opts: { one?: '一' | '幺' } = {}): string {
  const one = opts.one ?? '幺';
  return [...digits]
    .map((c) => {
      if (c === 'X' || c === 'x') return '叉';
      const d = Number(c);
      if (!/[0-9]/.test(c)) return '';
      return d === 1 ? one : DIGIT[d]!;
    })
    .join('');
}

/** A resident ID number digit by digit, X as 叉, grouped 6-8-4 (region, birthday, sequence) with pauses. */
export function speakIdNumber(id: string): string {
  const clean = id.replace(/\s+/g, '').toUpperCase();
  if (clean.length !== 18) return speakDigits(clean);
  return [clean.slice(0, 6), clean.slice(6, 14), clean.slice(14)].map((g) => speakDigits(g)).join('，');
}

/** An integer 0 ≤ n < 1e12 as a Chinese quantity: 1350 → 一千三百五十. */
export function speakInteger(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`speakInteger: ${n} is out of range`);
  if (n === 0) return '零';
  const section = (x: number): string => {
    const units = ['', '十', '百', '千'];
    let out = '';
    let zero = false;
    for (let i = 3; i >= 0; i--) {
      const d = Math.floor(x / 10 ** i) % 10;
      if (d === 0) {
        if (out) zero = true;
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += DIGIT[d]! + units[i]!;
    }
    return out;
  };
  const parts: [number, string][] = [
    [Math.floor(n / 1e8), '亿'],
    [Math.floor(n / 1e4) % 1e4, '万'],
    [n % 1e4, ''],
  ];
  let out = '';
  let pendingZero = false;
  for (const [v, unit] of parts) {
    if (v === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (out && (pendingZero || v < 1000)) out += '零';
    pendingZero = false;
    out += section(v) + unit;
  }
  // 一十五 is said 十五 at the start of a number.
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** Money in fen (integer) read as 元/角/分: 12350 → 一百二十三元五角. */
export function speakMoney(fen: number): string {
  if (!Number.isInteger(fen) || fen < 0) throw new RangeError(`speakMoney: ${fen} is not a whole number of fen`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const f = fen % 10;
  let out = yuan > 0 || (jiao === 0 && f === 0) ? `${speakInteger(yuan)}元` : '';
  if (jiao > 0) out += `${DIGIT[jiao]}角`;
  else if (f > 0 && yuan > 0) out += '零';
  if (f > 0) out += `${DIGIT[f]}分`;
  return out;
}

/**
 * A count or a sum with its unit, as said back to check it, in the words the resident
 * would use: two is 两 before 百/千/万 and before a measure word (两千五百元, 两口人).
 */
export function speakQuantity(n: number, unit: string): string {
  const said = unit === '元' ? speakMoney(Math.round(n * 100)) : `${n === 2 ? '两' : speakInteger(n)}${unit}`;
  return said.replace(/二(?=[百千万亿])/gu, '两');
}

/** A date as 年月日: the year digit by digit (二零二六年), month and day as quantities. */
export function speakDate(d: { year: number; month: number; day: number }): string {
  return `${speakDigits(String(d.year), { one: '一' })}年${speakInteger(d.month)}月${speakInteger(d.day)}日`;
}

/** Parses YYYY-MM-DD (an ISO date or datetime) and speaks it; anything else is returned unchanged. */
export function speakIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return speakDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
}
