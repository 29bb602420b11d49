import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkIdNumber, idCheckDigit, isValidIdNumber, maskIdNumber } from '../../../common/domain/id-number.js';

describe('GB 11643-1999 ID numbers', () => {
  it('computes check digits, including X', () => {
    expect(idCheckDigit('11010119430305002')).toBe('8');
    expect(idCheckDigit('13062419681120004')).toBe('X');
    // The standard's own worked example.
    expect(idCheckDigit('11010519491231002')).toBe('X');
  });

  it('accepts a valid number and reads birth date and sex', () => {
    const r = checkIdNumber('110101194303050028');
    expect(r).toEqual({ ok: true, info: { idNumber: '110101194303050028', regionCode: '110101', birthDate: '1943-03-05', sex: '女' } });
    const m = checkIdNumber('152502195507120018');
    expect(m.ok && m.info.sex).toBe('男');
  });

  it('accepts a lower-case x and normalises it', () => {
    const r = checkIdNumber(' 13062419681120004x ');
    expect(r.ok && r.info.idNumber).toBe('13062419681120004X');
  });

  it('names the problem with a bad number', () => {
    expect(checkIdNumber('11010119430305002').ok).toBe(false);
    expect(checkIdNumber('1101011943030500281')).toMatchObject({ ok: false, problem: 'format' });
    expect(checkIdNumber('110101194303050021')).toMatchObject({ ok: false, problem: 'check-digit' });
    expect(checkIdNumber('990101194303050028')).toMatchObject({ ok: false, problem: 'region' });
    expect(checkIdNumber('11010119430230' + '0021')).toMatchObject({ ok: false, problem: 'birth-date' });
    expect(checkIdNumber('110101204303050028', '2026-01-01')).toMatchObject({ ok: false, problem: 'birth-date' });
  });

  it('knows leap years', () => {
    const body = '11010120000229002';
    expect(isValidIdNumber(body + idCheckDigit(body))).toBe(true);
    const bad = '11010119000229002';
    expect(checkIdNumber(bad + idCheckDigit(bad))).toMatchObject({ ok: false, problem: 'birth-date' });
  });

  it('any single-digit change in a valid number is caught by the check digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const id = '110101194303050028';
        const d = (Number(id[pos]) + delta) % 10;
        const changed = id.slice(0, pos) + d + id.slice(pos + 1);
        expect(checkIdNumber(changed).ok && checkIdNumber(changed).ok).toBe(false);
      }),
    );
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('110101194303050021')).toBe('1101**********0021');
    expect(maskIdNumber('13062419681120004x')).toBe('1306**********004X');
    expect(maskIdNumber('1234')).toBe('****');
  });
});

describe('ID numbers under fast-check', () => {
  const region = fc.constantFrom('110101', '130624', '152502', '520101', '650101', '810000');
  const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true });
  const seq = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));

  it('a well-formed number with its check digit is valid, with the right birth date and sex; any other last character is not (20,000)', () => {
    fc.assert(
      fc.property(region, date, seq, fc.constantFrom(...'0123456789X'), (r, d, s, other) => {
        const ymd = d.toISOString().slice(0, 10);
        const first17 = r + ymd.replaceAll('-', '') + s;
        const check = idCheckDigit(first17);
        const result = checkIdNumber(first17 + check);
        expect(result.ok && result.info).toEqual({ idNumber: first17 + check, regionCode: r, birthDate: ymd, sex: Number(s[2]) % 2 ? '男' : '女' });
        if (other !== check) expect(checkIdNumber(first17 + other)).toMatchObject({ ok: false, problem: 'check-digit' });
        expect(maskIdNumber(first17 + check)).toBe(first17.slice(0, 4) + '**********' + (first17 + check).slice(-4));
      }),
      { numRuns: 20_000 },
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const r = checkIdNumber(s);
        expect(typeof r.ok).toBe('boolean');
        expect(maskIdNumber(s).length).toBe(s.trim().length);
      }),
      { numRuns: 5_000 },
    );
  });
});
