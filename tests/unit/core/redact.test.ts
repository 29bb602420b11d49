// The log redactor against what slipped past it before: ID numbers glued to
// letters, phone numbers in any common writing, Chinese names in name fields.
// Property tests build log lines around random values and check that no line
// ever prints the value (nor its bare digits).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../../main/core/logger.js';

const digit = fc.constantFrom(...'0123456789');
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''));
/** Text around a value: letters, CJK, punctuation, spaces, but no digit (a digit would make it another number). */
const surrounding = fc.string({ unit: fc.constantFrom(...'abcxyzXABC _-:=,;"\'()[]{}/.身份证号码电话联系'), maxLength: 12 });

const idNumber = fc.tuple(digits(17), fc.constantFrom(...'0123456789Xx')).map(([a, b]) => a + b);
const mobile = fc
  .tuple(fc.constantFrom(...'3456789'), digits(9), fc.constantFrom('plain', 'space', 'dash', '+86'))
  .map(([second, rest, style]) => {
    const d = `1${second}${rest}`;
    if (style === 'space') return `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
    if (style === 'dash') return `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
    return style === '+86' ? `+86 ${d}` : d;
  });
const landline = fc
  .tuple(fc.constantFrom('010', '021', '027', '0755', '0716', '0898'), fc.constantFrom(...'23456789'), fc.oneof(digits(6), digits(7)), fc.constantFrom('dash', 'brackets', 'space', 'plain'))
  .map(([area, first, rest, style]) => {
    const n = first + rest;
    return style === 'dash' ? `${area}-${n}` : style === 'brackets' ? `(${area})${n}` : style === 'space' ? `${area} ${n}` : area + n;
  });
const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const chineseName = fc.array(cjk, { minLength: 2, maxLength: 4 }).map((a) => a.join(''));

function linesFor(value: string, before: string, after: string): string[] {
  const lines: string[] = [];
  const log = createLogger('test', (l) => lines.push(l));
  log.info(`${before}${value}${after}`);
  log.warn('lookup failed', { detail: `${before}${value}${after}` });
  return lines;
}

function expectHidden(lines: string[], value: string): void {
  const bare = value.replace(/[^\dXx]/g, '');
  for (const l of lines) {
    expect(l).not.toContain(value);
    if (bare.length >= 7) expect(l.replace(/[^\dXx]/g, '')).not.toContain(bare.replace(/^86/, ''));
  }
}

describe('the log redactor', () => {
  it('masks ID numbers next to letters (missed by the old \\b-bounded pattern)', () => {
    expect(redact('id110101199003070028x')).toBe('id110101********0028x');
    expect(redact('abc110101199003070028')).toBe('abc110101********0028');
    expect(redact('身份证13062419361118108Xabc')).not.toContain('13062419361118108X');
  });

  it('masks mobile numbers and landlines however they are written', () => {
    for (const v of ['13800138000', '138 0013 8000', '138-0013-8000', 'tel13800138000', '+8613800138000']) {
      expect(redact(`call ${v} now`).replace(/\D/g, ''), v).not.toContain('13800138000');
    }
    expect(redact('phone=13800138000')).toBe('phone=138****8000');
    expect(redact('电话010-62345678')).not.toContain('62345678');
    expect(redact('(0755)2345678')).not.toContain('2345678');
  });

  it('masks Chinese names in name fields, and leaves other Chinese text readable', () => {
    expect(redact('{"name":"王秀英","serviceId":"dibao"}')).toBe('{"name":"王**","serviceId":"dibao"}');
    expect(redact('姓名：张桂兰')).toBe('姓名：张**');
    expect(redact('applicantName=欧阳娜娜')).toBe('applicantName=欧***');
    expect(redact('{"reason":"材料不全"}')).toBe('{"reason":"材料不全"}');
  });

  it('keeps what is not personal readable: times, ports, millisecond timestamps, short ids', () => {
    const line = '2026-12-06T01:35:10.000Z INFO [sync] pass {"port":43127,"at":1733449000000,"count":12,"id":"0190e7a2-0000-7000-8000-000000000001"}';
    expect(redact(line)).toBe(line);
    // A phone number next to a record id is still masked.
    expect(redact('0190e7a2-0000-7000-8000-000000000001 13800138000')).toBe('0190e7a2-0000-7000-8000-000000000001 138****8000');
  });

  it('never prints an ID number, whatever surrounds it', () => {
    fc.assert(fc.property(idNumber, surrounding, surrounding, (v, a, b) => expectHidden(linesFor(v, a, b), v)), { numRuns: 500 });
  });

  it('never prints an ID number inside a longer run of digits', () => {
    fc.assert(fc.property(idNumber, digits(5), digits(7), (v, a, b) => expectHidden([redact(a + v + b)], v)), { numRuns: 300 });
  });

  it('never prints a mobile number, whatever surrounds it', () => {
    fc.assert(fc.property(mobile, surrounding, surrounding, (v, a, b) => expectHidden(linesFor(v, a, b), v)), { numRuns: 500 });
  });

  it('never prints a landline number, whatever surrounds it', () => {
    fc.assert(fc.property(landline, surrounding, surrounding, (v, a, b) => expectHidden(linesFor(v, a, b), v)), { numRuns: 500 });
  });

  it('never prints a Chinese name given in a name field', () => {
    const field = fc.constantFrom('name', 'applicantName', 'residentName', 'full_name', '姓名', '联系人');
    fc.assert(
      fc.property(chineseName, field, (v, key) => {
        const lines: string[] = [];
        const log = createLogger('test', (l) => lines.push(l));
        log.info('resident', { [key]: v });
        log.info(`${key}: ${v}`);
        log.info(`${key}=${v}`);
        for (const l of lines) expect(l).not.toContain(v);
      }),
      { numRuns: 500 },
    );
  });
});
