// Checks one answer against its field and turns it into the stored value. Input
// comes from a keypad, touch buttons or the recogniser, so strings are accepted
// for numbers and digit words for digits. Every refusal says, in plain Chinese,
// what was wrong and what to do; none repeats the resident's digits back in a log.
import type { ChoiceOption, Field, FieldOf, Surface } from '../catalogue/schema/fields.js';
import { personAnswerSchema, photoAnswerSchema, invalid, valid, type AnswerValue, type Validation } from './answers.js';
import { checkIdNumber } from './id-number.js';
import { normalizeDigits, parseNumber } from './numbers.js';

export interface ValidateContext {
  readonly surface: Surface;
  /** YYYY-MM-DD; an ID number born after today is refused. */
  readonly today: string;
}

/** The options a resident can pick on this surface. */
export function offeredOptions(options: readonly ChoiceOption[], surface: Surface): ChoiceOption[] {
  return options.filter((o) => !o.offeredOn || o.offeredOn.includes(surface));
}

function isEmpty(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function asText(raw: unknown): string | null {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return null;
}

function validatePhone(field: FieldOf<'phone'>, raw: string): Validation {
  const d = normalizeDigits(raw);
  if (!/^\d+$/.test(d)) return invalid('not-digits', '电话号码只能是数字。请再说一遍，或者在键盘上输入。');
  if (d.startsWith('1')) {
    if (d.length !== 11) return invalid('wrong-length', `手机号码是11位，您输入了${d.length}位。请再输一遍。`);
    if (!/^1[3-9]/.test(d)) return invalid('bad-prefix', '这个手机号码的第二位不对。请看看号码，再输一遍。');
    return valid(d);
  }
  if (field.allowLandline && d.startsWith('0')) {
    if (d.length < 10 || d.length > 12) return invalid('wrong-length', '座机号码要带区号，一般是11位或12位。请再输一遍。');
    return valid(d);
  }
  return invalid('bad-prefix', field.allowLandline ? '手机号码要以1开头，座机号码要以区号0开头。请再输一遍。' : '手机号码要以1开头。请再输一遍。');
}

function validateBankAccount(field: FieldOf<'bank-account'>, raw: string): Validation {
  const d = normalizeDigits(raw);
  if (!/^\d+$/.test(d)) return invalid('not-digits', '卡号只能是数字。请看着卡，再输一遍。');
  // No Luhn check: passbook (存折) accounts and some rural bank cards do not carry one.
  if (d.length < field.minDigits || d.length > field.maxDigits) {
    const span = field.minDigits === field.maxDigits ? `${field.minDigits}位` : `${field.minDigits}到${field.maxDigits}位`;
    return invalid('wrong-length', `银行卡号是${span}数字，您输入了${d.length}位。请看着卡，再输一遍。`);
  }
  return valid(d);
}

function validateIdNumber(raw: string, today: string): Validation {
  const check = checkIdNumber(normalizeDigits(raw), today);
  if (check.ok) return valid(check.idNumber);
  switch (check.problem) {
    case 'length':
      return invalid('wrong-length', `身份证号码是18位，您输入了${check.length}位。请再输一遍。`);
    case 'characters':
      return invalid('not-digits', '身份证号码是数字，最后一位可能是X。请再输一遍。');
    case 'birth-date':
      return invalid('bad-date', '号码里的出生日期不对，可能输错了一位。请再输一遍。');
    case 'check-digit':
      return invalid('check-digit', '这个身份证号码对不上，可能有一位输错了。请对着身份证再输一遍。');
  }
}

function validateNumber(field: FieldOf<'amount'> | FieldOf<'count'>, raw: unknown): Validation {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumber(raw) : null;
  if (n === null || !Number.isFinite(n)) return invalid('not-a-number', `请说一个数，或者在键盘上输入${field.label}。`);
  if (field.kind === 'count') {
    if (!Number.isInteger(n)) return invalid('too-precise', `${field.label}要说整数。`);
    if (n < field.min || n > field.max) return invalid(n < field.min ? 'too-small' : 'too-large', `请说${field.min}到${field.max}之间的数。`);
    return valid(n);
  }
  if (Math.abs(n * 100 - Math.round(n * 100)) > 1e-6) return invalid('too-precise', '金额最多到角和分。请再说一遍。');
  if (n < field.minYuan) return invalid('too-small', `金额不能少于${field.minYuan}${field.unit}。`);
  if (n > field.maxYuan) return invalid('too-large', `金额不能超过${field.maxYuan}${field.unit}。请再说一遍。`);
  return valid(Math.round(n * 100) / 100);
}

function validateChoice(field: FieldOf<'choice'> | FieldOf<'relationship'>, raw: unknown, surface: Surface): Validation {
  const options = offeredOptions(field.options, surface);
  const hit = typeof raw === 'string' ? options.find((o) => o.value === raw) : undefined;
  if (!hit) return invalid('not-an-option', `请从这几项里选一个：${options.map((o) => o.label).join('、')}。`);
  return valid(hit.value);
}

/** Validates `raw` for `field`; an optional field may be left empty (the stored value is then absent). */
export function validateAnswer(field: Field, raw: unknown, ctx: ValidateContext): Validation {
  if (isEmpty(raw)) {
    return invalid('empty', field.kind === 'photo' ? '还没有拍照。请对准以后按拍照。' : `还没有听到${field.label}。请再说一遍，或者按屏幕上的按钮。`);
  }
  switch (field.kind) {
    case 'yes-no':
      return typeof raw === 'boolean' ? valid(raw) : invalid('wrong-type', '请说“是”或者“不是”。');
    case 'choice':
    case 'relationship':
      return validateChoice(field, raw, ctx.surface);
    case 'amount':
    case 'count':
      return validateNumber(field, raw);
    case 'photo': {
      const photo = photoAnswerSchema.safeParse(raw);
      if (!photo.success) return invalid('wrong-type', '照片没有拍好。请再拍一次。');
      if (photo.data.bytes > field.maxBytes) return invalid('photo-too-large', '照片太大了，存不下。请再拍一次。');
      return valid(photo.data);
    }
    case 'family-card': {
      const person = personAnswerSchema.safeParse(raw);
      if (!person.success || !person.data.name.trim()) return invalid('wrong-type', '家人的身份证没有读好。请把家人的身份证拿起来，再平放一次。');
      const id = validateIdNumber(person.data.idNumber, ctx.today);
      if (!id.ok) return id;
      return valid({ ...person.data, idNumber: id.value as string, name: person.data.name.trim() });
    }
    default:
      break;
  }
  const text = asText(raw);
  if (text === null) return invalid('wrong-type', `请再说一遍${field.label}。`);
  switch (field.kind) {
    case 'phone':
      return validatePhone(field, text);
    case 'bank-account':
      return validateBankAccount(field, text);
    case 'id-number':
      return validateIdNumber(text, ctx.today);
    case 'text': {
      const t = text.trim();
      if (t.length < field.minLength) return invalid('too-short', `${field.label}太短了，请再说一遍。`);
      if (t.length > field.maxLength) return invalid('too-long', `${field.label}太长了，最多${field.maxLength}个字。`);
      return valid(t);
    }
  }
}

export type { AnswerValue };
