// The 256-byte text block of a base-info read: fixed-width UCS-2 (little-endian)
// fields padded with spaces. Characters outside the BMP would need surrogate pairs;
// rare name characters on real cards are in the BMP (CJK Extension A), which is
// where GB18030's 4-byte sequences come from on the printer side.
import { checkIdNumber } from '../../common/domain/id-number.js';
import type { IdCard } from '../../common/domain/idcard.js';
import { ethnicityCode, ethnicityName } from './ethnicity.js';

export const TEXT_BLOCK_BYTES = 256;

/** Field widths in UCS-2 characters, in card order. */
const FIELDS = [
  ['name', 15],
  ['sex', 1],
  ['ethnicity', 2],
  ['birthDate', 8],
  ['address', 35],
  ['idNumber', 18],
  ['issuer', 15],
  ['validFrom', 8],
  ['validTo', 8],
  ['reserved', 18],
] as const;

export class TextBlockError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'TextBlockError';
  }
}

const SEX_CODES: Record<string, IdCard['sex']> = { '1': '男', '2': '女', '0': '未知', '9': '未说明' };

function compactDate(s: string, field: string): string {
  if (!/^\d{8}$/.test(s)) throw new TextBlockError(field, `${field} is not YYYYMMDD`);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** Splits the block into its raw, trimmed fields. */
function splitFields(block: Uint8Array): Record<string, string> {
  if (block.length < TEXT_BLOCK_BYTES) throw new TextBlockError('block', `text block is ${block.length} bytes, expected ${TEXT_BLOCK_BYTES}`);
  const text = Buffer.from(block.buffer, block.byteOffset, TEXT_BLOCK_BYTES).toString('utf16le');
  const out: Record<string, string> = {};
  let at = 0;
  for (const [name, width] of FIELDS) {
    out[name] = text.slice(at, at + width).split(String.fromCharCode(0)).join('').trim(); // some readers pad with NUL
    at += width;
  }
  return out;
}

/** Decodes the text block; `idNumberValid` checks the number and its agreement with the card. */
export function decodeTextBlock(block: Uint8Array): IdCard {
  const f = splitFields(block);
  const sex = SEX_CODES[f.sex!];
  if (!sex) throw new TextBlockError('sex', 'sex code is not 0, 1, 2 or 9');
  if (!f.name) throw new TextBlockError('name', 'name is empty');
  const birthDate = compactDate(f.birthDate!, 'birthDate');
  const validFrom = compactDate(f.validFrom!, 'validFrom');
  const validTo = f.validTo === '长期' ? '长期' : compactDate(f.validTo!, 'validTo');
  const idNumber = f.idNumber!;
  const check = checkIdNumber(idNumber);
  const idNumberValid = check.ok && check.info.birthDate === birthDate && check.info.sex === sex;
  return {
    name: f.name,
    sex,
    ethnicity: ethnicityName(f.ethnicity!) ?? '未知',
    birthDate,
    address: f.address!,
    idNumber,
    issuer: f.issuer!,
    validFrom,
    validTo,
    idNumberValid,
  };
}

/** The reverse, for the simulator and fixtures. Fields too long for the card are an error. */
export function encodeTextBlock(card: Omit<IdCard, 'idNumberValid'>): Buffer {
  const sexCode = Object.entries(SEX_CODES).find(([, v]) => v === card.sex)?.[0];
  const ethnic = ethnicityCode(card.ethnicity);
  if (!sexCode) throw new TextBlockError('sex', 'unknown sex');
  if (!ethnic) throw new TextBlockError('ethnicity', 'not a GB 3304 group');
  const values: Record<string, string> = {
    name: card.name,
    sex: sexCode,
    ethnicity: ethnic,
    birthDate: card.birthDate.replaceAll('-', ''),
    address: card.address,
    idNumber: card.idNumber,
    issuer: card.issuer,
    validFrom: card.validFrom.replaceAll('-', ''),
    validTo: card.validTo === '长期' ? '长期' : card.validTo.replaceAll('-', ''),
    reserved: '',
  };
  let text = '';
  for (const [name, width] of FIELDS) {
    const v = values[name]!;
    if (v.length > width) throw new TextBlockError(name, `${name} is longer than ${width} characters`);
    text += v.padEnd(width, ' ');
  }
  return Buffer.from(text, 'utf16le');
}
