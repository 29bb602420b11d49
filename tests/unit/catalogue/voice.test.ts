import { describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../../../common/catalogue/builtin.js';
import { findService } from '../../../common/catalogue/find-service.js';
import { builtinSatisfaction, scoreFromSpeech } from '../../../common/catalogue/satisfaction.js';

const catalogue = builtinCatalogue();
const find = (said: string, surface: 'kiosk' | 'tv' = 'kiosk') => findService(catalogue, said, surface)?.id ?? null;

describe('choosing a service by voice on the home screen', () => {
  it('understands names, synonyms and homophones', () => {
    expect(find('我要交医保')).toBe('medical-insurance-payment');
    expect(find('交合作医疗')).toBe('medical-insurance-payment');
    expect(find('养老认证')).toBe('pension-certification');
    expect(find('查一下社保')).toBe('social-insurance-query');
    expect(find('申请低包')).toBe('subsistence-allowance');
    expect(find('高龄补贴')).toBe('elderly-allowance');
    expect(find('打印参保证明')).toBe('certificate-print');
    expect(find('我办的事到哪了，查进度')).toBe('application-status');
  });

  it('offers only what this surface offers, and admits when nothing matched', () => {
    expect(find('低保', 'tv')).toBeNull();
    expect(find('今天吃什么')).toBeNull();
    expect(find('')).toBeNull();
  });
});

describe('satisfaction', () => {
  const sat = catalogue.satisfaction;

  it('has five faces and maps 满意 / 一般 / 不满意 to the top, middle and bottom', () => {
    expect(sat.faces.map((f) => f.score).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(scoreFromSpeech(sat, '满意')).toBe(5);
    expect(scoreFromSpeech(sat, '一般')).toBe(3);
    expect(scoreFromSpeech(sat, '不满意')).toBe(1);
  });

  it('never reads 不满意 or 不太满意 as 满意', () => {
    expect(scoreFromSpeech(sat, '我很不满意！')).toBe(1);
    expect(scoreFromSpeech(sat, '不太满意')).toBe(2);
    expect(scoreFromSpeech(sat, '还不错')).toBe(4);
    expect(scoreFromSpeech(sat, '嗯')).toBeNull();
    expect(scoreFromSpeech(builtinSatisfaction as typeof sat, '很满意')).toBe(5);
  });
});
