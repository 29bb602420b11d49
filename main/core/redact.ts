// The log redactor: the last line of defence that masks personal data a caller
// let slip into a log line. Callers must log record ids and error codes, never
// personal data; this catches what slips through anyway, so it errs on the side
// of masking. It never relies on word boundaries: a value glued to letters
// (`id110101199003070028x`, `abc13800138000`) is as personal as one in spaces.
import { maskName } from '../../common/domain/mask-name.js';

/**
 * Resident ID numbers: 18 characters (17 digits and a digit or X) or the old 15
 * digits. Any run of 15 or more digits is masked but for its first 6 and last 4,
 * so an ID number inside a longer run of digits is broken up too.
 */
const ID_NUMBER = /\d{17}[Xx]|\d{15,}/g;

/**
 * Mobile numbers (11 digits, 1[3-9]…), written whole or grouped with spaces or
 * dashes (138 0013 8000, 138-0013-8000), optionally after +86. Not inside a
 * longer digit run, so timestamps in milliseconds stay readable.
 */
const MOBILE = /(?<!\d)((?:\+?86[ -]?)?)(1[3-9]\d(?:[ -]?\d){8})(?!\d)/g;

/** Landlines: an area code 0 + 2–3 digits, optionally in brackets, then 7–8 digits (010-12345678, (0755)1234567). */
const LANDLINE = /(?<!\d)(\(?0\d{2,3}\)?)[ -]?(\d{3,4})[ -]?(\d{4})(?!\d)/g;

/**
 * A Chinese name as the value of a field that holds names: JSON (`"name":"王秀英"`,
 * `"applicantName":"欧阳 娜"`) or text (`姓名：王秀英`, `name=王秀英`). Only known
 * fields: Chinese text elsewhere in a line (service names, reasons) stays readable.
 */
const NAME_FIELD = /((?:"|\b)?(?:[A-Za-z_]*[Nn]ame|NAME|姓名|名字|申请人|联系人|户主|代办人|居民)"?\s*[:=：]\s*"?)([\u3400-\u9fff\uf900-\ufaff·•]{1,20})/g;

const maskIdNumber = (v: string) => `${v.slice(0, 6)}${'*'.repeat(v.length - 10)}${v.slice(-4)}`;
const maskMobile = (_m: string, prefix: string, v: string) => {
  const digits = v.replace(/\D/g, '');
  return `${prefix}${digits.slice(0, 3)}****${digits.slice(7)}`;
};

/** Record ids (UUIDs) are what logs are for; their digit groups must not read as phone numbers. */
const UUID = /([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/;

export function redact(text: string): string {
  // Split keeps the UUIDs at the odd indexes; only the text between them is masked.
  return text
    .split(UUID)
    .map((part, i) => (i % 2 === 1 ? part : redactPart(part)))
    .join('');
}

function redactPart(text: string): string {
  return text
    .replace(ID_NUMBER, maskIdNumber)
    .replace(MOBILE, maskMobile)
    .replace(LANDLINE, (_m, area: string) => `${area}-****${'*'.repeat(4)}`)
    .replace(NAME_FIELD, (_m, key: string, value: string) => (/[\u3400-\u9fff\uf900-\ufaff]/.test(value) ? key + maskName(value) : key + value));
}
