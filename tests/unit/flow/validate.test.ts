import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldSchema } from '../../../common/catalogue/schema/fields.js';
import { checkIdNumber } from '../../../common/flow/id-number.js';
import { ageOn, identityFromIdNumber, IdentityError } from '../../../common/flow/identity.js';
import { normalizeDigits, parseNumber, spellDigits } from '../../../common/flow/numbers.js';
import { validateAnswer } from '../../../common/flow/validate.js';
import { makeIdNumber, TODAY } from './fixtures.js';

const ctx = { surface: 'kiosk' as const, today: TODAY };
const f = (raw: unknown) => fieldSchema.parse(raw);

describe('ID numbers (GB 11643)', () => {
  it('accepts a correct number and reads birth date and sex from it', () => {
    const id = makeIdNumber('1944-03-15', '124'); // an even 17th digit: female
    expect(checkIdNumber(id)).toEqual({ ok: true, idNumber: id, birthDate: '1944-03-15', sex: 'female' });
    expect(checkIdNumber(id.slice(0, 6) + ' ' + id.slice(6).toLowerCase()).ok).toBe(true);
  });

  it('catches every single mistyped digit (MOD 11-2 detects all single substitutions)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (birth, seq, pos, delta) => {
          const id = makeIdNumber(birth.toISOString().slice(0, 10), String(seq).padStart(3, '0'));
          expect(checkIdNumber(id).ok).toBe(true);
          const wrong = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
          expect(checkIdNumber(wrong).ok).toBe(false);
        },
      ),
    );
  });

  it('names the problem: length, characters, impossible birth date, a birth in the future', () => {
    expect(checkIdNumber('43062119440315')).toMatchObject({ ok: false, problem: 'length', length: 14 });
    expect(checkIdNumber('43062119440315123A')).toMatchObject({ ok: false, problem: 'characters' });
    expect(checkIdNumber(makeIdNumber('1944-02-30'))).toMatchObject({ ok: false, problem: 'birth-date' });
    expect(checkIdNumber(makeIdNumber('2027-01-01'), TODAY)).toMatchObject({ ok: false, problem: 'birth-date' });
  });

  it('builds a keyed identity for the TV, and refuses a bad number without echoing it', () => {
    const id = makeIdNumber('1950-08-08');
    expect(identityFromIdNumber(id)).toEqual({ name: null, idNumber: id, birthDate: '1950-08-08', address: null, source: 'keyed' });
    const bad = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    expect(() => identityFromIdNumber(bad)).toThrow(IdentityError);
    try {
      identityFromIdNumber(bad);
    } catch (e) {
      expect((e as Error).message).not.toContain(bad.slice(6, 14));
    }
  });

  it('computes whole years of age', () => {
    expect(ageOn('1946-11-22', '2026-11-22')).toBe(80);
    expect(ageOn('1946-11-23', '2026-11-22')).toBe(79);
    expect(ageOn('1944-02-29', '2025-02-28')).toBe(80);
  });
});

describe('digits and numbers from keypad and speech', () => {
  it('normalizes spoken and full-width digits', () => {
    expect(normalizeDigits('幺三八 ００１３-8000')).toBe('13800138000');
    expect(normalizeDigits('四三零六二一 叉')).toBe('430621X');
  });

  it('parses amounts and counts as people say them', () => {
    expect(parseNumber('350')).toBe(350);
    expect(parseNumber('三百五十')).toBe(350);
    expect(parseNumber('三百五')).toBe(350);
    expect(parseNumber('三百零五')).toBe(305);
    expect(parseNumber('两万零五百元')).toBe(20500);
    expect(parseNumber('一万二')).toBe(12000);
    expect(parseNumber('十二')).toBe(12);
    expect(parseNumber('四百块')).toBe(400);
    expect(parseNumber('一千二百点五')).toBe(1200.5);
    expect(parseNumber('３人')).toBe(3);
    expect(parseNumber('很多')).toBeNull();
  });

  it('reads digits back one by one in groups', () => {
    expect(spellDigits('13800138000')).toBe('幺三八，零零幺三，八零零零');
    expect(spellDigits('1234', [4])).toBe('幺二三四');
  });
});

describe('validateAnswer', () => {
  const phone = f({ id: 'phone', kind: 'phone', label: '电话号码' });
  const landline = f({ id: 'phone', kind: 'phone', label: '电话号码', allowLandline: true });
  const amount = f({ id: 'income', kind: 'amount', label: '月收入', maxYuan: 100000 });
  const count = f({ id: 'n', kind: 'count', label: '人数', min: 1, max: 6, unit: '人' });
  const text = f({ id: 'name', kind: 'text', label: '姓名', minLength: 2, maxLength: 4 });
  const pic = f({ id: 'p', kind: 'photo', label: '照片', subject: 'face', maxBytes: 1000 });

  it('phones: mobile, landline when allowed, and plain-words refusals', () => {
    expect(validateAnswer(phone, '138 0013 8000', ctx)).toEqual({ ok: true, value: '13800138000' });
    expect(validateAnswer(phone, '12800138000', ctx)).toMatchObject({ ok: false, error: { code: 'bad-prefix' } });
    expect(validateAnswer(phone, '0730-1234567', ctx)).toMatchObject({ ok: false, error: { message: '手机号码要以1开头。请再输一遍。' } });
    expect(validateAnswer(landline, '0730-1234567', ctx)).toEqual({ ok: true, value: '07301234567' });
    expect(validateAnswer(phone, '', ctx)).toMatchObject({ ok: false, error: { code: 'empty', message: '还没有听到电话号码。请再说一遍，或者按屏幕上的按钮。' } });
  });

  it('amounts and counts', () => {
    expect(validateAnswer(amount, '三百五十元', ctx)).toEqual({ ok: true, value: 350 });
    expect(validateAnswer(amount, 12.345, ctx)).toMatchObject({ ok: false, error: { code: 'too-precise' } });
    expect(validateAnswer(amount, 200000, ctx)).toMatchObject({ ok: false, error: { code: 'too-large', message: '金额不能超过100000元。请再说一遍。' } });
    expect(validateAnswer(count, '两个', ctx)).toEqual({ ok: true, value: 2 });
    expect(validateAnswer(count, 9, ctx)).toMatchObject({ ok: false, error: { message: '请说1到6之间的数。' } });
  });

  it('text, yes-no and photos', () => {
    expect(validateAnswer(text, ' 李桂兰 ', ctx)).toEqual({ ok: true, value: '李桂兰' });
    expect(validateAnswer(text, '李', ctx)).toMatchObject({ ok: false, error: { code: 'too-short' } });
    expect(validateAnswer(f({ id: 'y', kind: 'yes-no', label: '是否' }), 'yes', ctx)).toMatchObject({ ok: false, error: { message: '请说“是”或者“不是”。' } });
    expect(validateAnswer(pic, { ref: 'photo:1', mime: 'image/jpeg', bytes: 999 }, ctx).ok).toBe(true);
    expect(validateAnswer(pic, { ref: 'photo:1', mime: 'image/jpeg', bytes: 1001 }, ctx)).toMatchObject({ ok: false, error: { code: 'photo-too-large' } });
    expect(validateAnswer(pic, { ref: 'photo:1', mime: 'image/gif', bytes: 10 }, ctx)).toMatchObject({ ok: false, error: { code: 'wrong-type' } });
  });
});
