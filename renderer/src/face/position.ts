// Where the one face in view is, against the face guide: near enough, not too
// near, centred, looking straight at the camera. Pure: the liveness machine asks
// it once per frame and says the first thing that is wrong (one hint at a time).
import type { FaceMeasure } from './measure.js';

/** What the resident is asked to change, in the order it is said. */
export type PositionHint = 'closer' | 'farther' | 'left' | 'right' | 'up' | 'down' | 'straight';

export interface PositionRules {
  /** Face width over frame width: below is too far (a face this small gives a poor photo). */
  readonly minWidth: number;
  readonly maxWidth: number;
  /** How far the face centre may be from the frame centre, as a fraction of the frame. */
  readonly maxOffsetX: number;
  readonly maxOffsetY: number;
  /** Frontal: |yaw| and |pitch| below these (degrees). */
  readonly maxYawDeg: number;
  readonly maxPitchDeg: number;
}

export const DEFAULT_POSITION: PositionRules = { minWidth: 0.28, maxWidth: 0.8, maxOffsetX: 0.16, maxOffsetY: 0.2, maxYawDeg: 15, maxPitchDeg: 20 };

/**
 * The first thing to change, or null when the face is well placed. The camera
 * image is not mirrored: a face left of the image centre is on the resident's own
 * right, so they are asked to move to their left (请往左一点).
 */
export function positionHint(face: FaceMeasure, rules: PositionRules = DEFAULT_POSITION, opts: { frontal: boolean } = { frontal: true }): PositionHint | null {
  if (face.box.w < rules.minWidth) return 'closer';
  if (face.box.w > rules.maxWidth) return 'farther';
  const cx = face.box.x + face.box.w / 2 - 0.5;
  const cy = face.box.y + face.box.h / 2 - 0.5;
  if (cx < -rules.maxOffsetX) return 'left';
  if (cx > rules.maxOffsetX) return 'right';
  if (cy < -rules.maxOffsetY) return 'down';
  if (cy > rules.maxOffsetY) return 'up';
  if (opts.frontal && (Math.abs(face.yawDeg) > rules.maxYawDeg || Math.abs(face.pitchDeg) > rules.maxPitchDeg)) return 'straight';
  return null;
}
