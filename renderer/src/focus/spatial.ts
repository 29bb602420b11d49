// Spatial (not tab-order) focus movement for D-pads and arrow keys: from the
// focused element's box, pick the nearest box in the pressed direction. Pure,
// so it is unit-tested without a browser.
export type Direction = 'up' | 'down' | 'left' | 'right';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const EPS = 1;

/** Gap between two 1-D ranges (0 when they overlap). */
function rangeGap(a0: number, a1: number, b0: number, b1: number): number {
  if (a1 < b0) return b0 - a1;
  if (b1 < a0) return a0 - b1;
  return 0;
}

/**
 * Index of the best candidate in `dir` from `from`, or -1 when nothing lies that way.
 * As in Android's FocusFinder, candidates "in the beam" (overlapping the
 * focused box across the direction of travel) always beat those outside it, so
 * moving right from a tile lands on the tile beside it, never on a nearer-looking
 * one a row down. Within a tier: distance along the direction, plus a heavier
 * penalty for sideways offset.
 */
export function pickNext(from: Box, candidates: readonly Box[], dir: Direction): number {
  let best = -1;
  let bestScore = Number.POSITIVE_INFINITY;
  const fcx = (from.left + from.right) / 2;
  const fcy = (from.top + from.bottom) / 2;
  // One rule for all four directions: along the axis of travel, and across it.
  const horizontal = dir === 'left' || dir === 'right';
  const sign = dir === 'right' || dir === 'down' ? 1 : -1;
  candidates.forEach((c, i) => {
    const ccx = (c.left + c.right) / 2;
    const ccy = (c.top + c.bottom) / 2;
    const ahead = (horizontal ? ccx - fcx : ccy - fcy) * sign;
    if (ahead <= EPS) return;
    const gapAhead = horizontal ? (sign > 0 ? c.left - from.right : from.left - c.right) : sign > 0 ? c.top - from.bottom : from.top - c.bottom;
    const primary = Math.max(0, gapAhead);
    const sideways = horizontal ? rangeGap(from.top, from.bottom, c.top, c.bottom) : rangeGap(from.left, from.right, c.left, c.right);
    const centre = horizontal ? Math.abs(ccy - fcy) : Math.abs(ccx - fcx);
    const outOfBeam = sideways > 0 ? 1e9 : 0;
    const score = outOfBeam + primary + sideways * 3 + centre * 0.2;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}
