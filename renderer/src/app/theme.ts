// Publishes the design tokens as CSS custom properties, so the stylesheet and
// the contrast test read the same values. Set through the CSSOM, which the
// strict CSP (no inline styles) allows.
import { colors, layout, typeScale } from '../design/tokens.js';

export function applyTheme(root: HTMLElement): void {
  for (const [name, value] of Object.entries(colors)) root.style.setProperty(`--c-${name}`, value);
  for (const [size, scale] of Object.entries(typeScale)) {
    root.style.setProperty(`--fs-body-${size}`, `${scale.body}px`);
    root.style.setProperty(`--fs-heading-${size}`, `${scale.heading}px`);
    root.style.setProperty(`--fs-title-${size}`, `${scale.title}px`);
    root.style.setProperty(`--fs-chrome-${size}`, `${scale.chrome}px`);
  }
  root.style.setProperty('--line-height', String(layout.lineHeight));
  root.style.setProperty('--min-target', `${layout.minTarget}px`);
  root.style.setProperty('--gap', `${layout.gap}px`);
  root.style.setProperty('--focus-ring', `${layout.focusRing}px`);
  root.style.setProperty('--tv-safe-y', layout.tvSafeMargin.y);
  root.style.setProperty('--tv-safe-x', layout.tvSafeMargin.x);
}
