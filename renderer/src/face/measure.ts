// What the liveness check reads from one camera frame, as plain numbers: the
// face analysis (face-engine.ts) fills it in, the pure state machine
// (liveness.ts) and the unit tests with synthetic frames read it.

export interface FaceMeasure {
  /** The face box as fractions of the frame (0..1): x, y of the top-left corner, width, height. */
  readonly box: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  /** The detector's confidence (0..1). */
  readonly score: number;
  /** Head rotation in degrees from the mesh; yaw > 0 is the resident's own right (see face-engine.ts). */
  readonly yawDeg: number;
  readonly pitchDeg: number;
  /** Mean eye openness (human's gesture ratio): open about 0.30–0.45, closed below 0.20. Unreliable at large yaw. */
  readonly eyeOpen: number;
  /** Lip gap over face height (0..1): closed about 0–0.03, open wide above 0.10. */
  readonly mouthOpen: number;
}

export interface FrameMeasure {
  /** When the frame was analysed, in ms on one monotonic clock. */
  readonly at: number;
  readonly faces: readonly FaceMeasure[];
}

/** Detections below this are the detector's false faces (a frame edge, a pattern), not people. */
export const MIN_FACE_SCORE = 0.6;

export const realFaces = (frame: FrameMeasure): FaceMeasure[] => frame.faces.filter((f) => f.score >= MIN_FACE_SCORE);

/**
 * Eye and mouth ratios from human's 468-point face mesh, the formulas of its
 * gesture module (what ../shared/faces/PROVENANCE.md measured): the lid gap over
 * the eye's height for each eye, averaged; the lip gap over the face's height.
 */
export function ratiosFromMesh(mesh: readonly (readonly (number | undefined)[])[]): { eyeOpen: number; mouthOpen: number } | null {
  if (mesh.length < 468) return null;
  const y = (i: number) => mesh[i]![1] ?? 0;
  const ratio = (a: number, b: number, c: number, d: number) => {
    const den = Math.abs(y(c) - y(d));
    return den > 0 ? Math.abs(y(a) - y(b)) / den : 0;
  };
  const left = ratio(374, 386, 443, 450);
  const right = ratio(145, 159, 223, 230);
  const faceHeight = Math.abs(y(10) - y(152));
  return { eyeOpen: (left + right) / 2, mouthOpen: faceHeight > 0 ? Math.abs(y(13) - y(14)) / faceHeight : 0 };
}
