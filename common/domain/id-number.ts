// Resident ID numbers (GB 11643-1999): 6-digit region code, 8-digit birth date,
// 3-digit sequence whose last digit gives the sex (odd = male), and a check digit
// (ISO 7064 MOD 11-2, where 10 is written X). Pure: the renderer uses this too, for
// the TV mode where a resident keys the number with the remote.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** First two digits of the region code: provinces, autonomous regions, municipalities, HK/MO/TW. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

export type IdSex = '男' | '女';
export type IdNumberProblem = 'format' | 'region' | 'birth-date' | 'check-digit';

export interface IdNumberInfo {
  readonly idNumber: string;
  readonly regionCode: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly sex: IdSex;
}

export type IdNumberCheck = { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem; message: string };

/** Trims and upper-cases a typed or read number (a lower-case x is common from keypads). */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/** The check character for the first 17 digits. */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckDigit needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** True when YYYY, MM, DD name a real calendar day. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1]!;
}

/**
 * Validates a number. `today` (YYYY-MM-DD) bounds the birth date; without it only
 * the calendar is checked, so the function stays pure and clock-free.
 */
export function checkIdNumber(raw: string, today?: string): IdNumberCheck {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format', message: '身份证号应为18位，最后一位可以是X' };
  if (!PROVINCES.has(id.slice(0, 2))) return { ok: false, problem: 'region', message: '身份证号的地区码不正确' };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (year < 1850 || !isCalendarDate(year, month, day) || (today !== undefined && birthDate > today)) {
    return { ok: false, problem: 'birth-date', message: '身份证号中的出生日期不正确' };
  }
  if (idCheckDigit(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'check-digit', message: '身份证号校验位不对，请核对' };
  const sex: IdSex = Number(id[16]) % 2 === 1 ? '男' : '女';
  return { ok: true, info: { idNumber: id, regionCode: id.slice(0, 6), birthDate, sex } };
}

export function isValidIdNumber(raw: string, today?: string): boolean {
  return checkIdNumber(raw, today).ok;
}

/**
 * Keeps the first 4 and last 4 characters: `110101194303050021` → `1101**********0021`.
 * Enough for a resident to recognise their own number, not enough to reuse it.
 * Anything 8 characters or shorter is masked whole.
 */
export function maskIdNumber(raw: string): string {
  const id = normalizeIdNumber(raw);
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}
