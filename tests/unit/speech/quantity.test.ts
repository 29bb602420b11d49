// Quantities as people say them: every whole number up to the step's largest,
// in the kiosk's own words for it (speakInteger) and with 两 for 二, must be in
// the grammar and read back as its value; so must the short forms (两千五).
import { describe, expect, it } from 'vitest';
import { speakInteger } from '../../../common/spoken/numbers.js';
import { quantityJsgfRules, quantityValue } from '../../../speech/grammar/quantity.js';

/** The rules as one anchored regex over the words run together (the rules are not recursive). */
function grammarRegex(rules: readonly string[]): RegExp {
  const bodies = new Map<string, string>();
  for (const rule of rules) {
    const m = /^<(\w+)> = (.*);$/.exec(rule);
    if (!m) throw new Error(`not a rule: ${rule}`);
    const body = m[2]!
      .replace(/<(\w+)>/g, (_, name: string) => `(?:${bodies.get(name) ?? '?'})`)
      .replace(/\[/g, '(?:')
      .replace(/\]/g, ')?')
      .replace(/\((?!\?)/g, '(?:')
      .replace(/\s+/g, '');
    bodies.set(m[1]!, body);
  }
  return new RegExp(`^(?:${bodies.get('quantity')})$`, 'u');
}

const withLiang = (s: string) => s.replace(/二(?=[百千万])/gu, '两');

describe('quantity grammar', () => {
  it('holds every amount up to 100 000 as the kiosk says it and with 两, each read back as its value', () => {
    const re = grammarRegex(quantityJsgfRules(100_000));
    const missing: string[] = [];
    for (let n = 1; n <= 100_000; n++) {
      for (const said of new Set([speakInteger(n), withLiang(speakInteger(n))])) {
        if (!re.test(said) || quantityValue(said) !== n) missing.push(`${n} ${said}`);
      }
    }
    expect(missing.slice(0, 10)).toEqual([]);
  });

  it('holds the short forms people use, with the value they mean', () => {
    const re = grammarRegex(quantityJsgfRules(100_000));
    const said: [string, number][] = [['两千五', 2500], ['三百五', 350], ['一万二', 12000], ['三百零五', 305], ['两千零五十', 2050], ['十万', 100_000], ['两', 2], ['十二', 12]];
    for (const [text, n] of said) {
      expect(re.test(text), text).toBe(true);
      expect(quantityValue(text), text).toBe(n);
    }
  });

  it('is as small as the question: a count up to 12 has no 百, 千 or 万', () => {
    const re = grammarRegex(quantityJsgfRules(12));
    expect(['五', '十二', '两'].every((s) => re.test(s))).toBe(true);
    expect(['三百', '两千', '一万'].some((s) => re.test(s))).toBe(false);
  });

  it('reads the value through the words around it, and nothing from words without a number', () => {
    expect(quantityValue('一共五口人')).toBe(5);
    expect(quantityValue('两千块左右')).toBe(2000);
    expect(quantityValue('大概一千五百块钱')).toBe(1500);
    expect(quantityValue('四个人')).toBe(4);
    expect(quantityValue('口人')).toBeNull();
    expect(quantityValue('零零')).toBe(0); // the range (and 0) is the form's to refuse, with its own words
    expect(quantityValue('三点五')).toBeNull(); // not a whole number
  });
});
