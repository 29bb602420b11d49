import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../renderer/src/design/contrast.js';
import { colors, layout, textPairs, typeScale } from '../../../renderer/src/design/tokens.js';

describe('theme tokens', () => {
  it('computes known WCAG ratios', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 1);
  });

  it.each(textPairs.map(([fg, bg]) => [fg, bg, contrastRatio(colors[fg], colors[bg])] as const))('%s on %s reaches 7:1 (%f)', (_fg, _bg, ratio) => {
    expect(ratio).toBeGreaterThanOrEqual(7);
  });

  it('keeps the focus ring visible: amber against dark, and its dark inner ring against light', () => {
    expect(contrastRatio(colors.focus, colors.statusBar)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(colors.focusInner, colors.page)).toBeGreaterThanOrEqual(3);
    expect(layout.focusRing).toBeGreaterThanOrEqual(4);
  });

  it('never goes below 32 px body and 48 px headings, with targets ≥ 96 px', () => {
    for (const s of Object.values(typeScale)) {
      expect(s.body).toBeGreaterThanOrEqual(32);
      expect(s.heading).toBeGreaterThanOrEqual(48);
    }
    expect(layout.minTarget).toBeGreaterThanOrEqual(96);
    expect(layout.gap).toBeGreaterThanOrEqual(16);
    expect(layout.lineHeight).toBeGreaterThanOrEqual(1.5);
  });
});
