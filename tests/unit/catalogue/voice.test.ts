import { describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../../../common/catalogue/builtin.js';
import { builtinSatisfaction, scoreFromSpeech } from '../../../common/catalogue/satisfaction.js';

const catalogue = builtinCatalogue();

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
