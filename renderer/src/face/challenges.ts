// The active challenges, each a small pure detector fed one face per frame after
// it was asked. They look for motion a photo cannot make: the eyes closing and
// opening again (only counted while the face is frontal: the eye ratio drops at
// large yaw with the eyes open), a head swing out to one side and back, the mouth
// going from closed to open. A still, a frozen frame, a print moved by hand or a
// replayed face that does not do the asked thing never completes one.
import type { ChallengeKind } from '../../../common/domain/face.js';
import type { FaceMeasure } from './measure.js';

export const EYE_OPEN = 0.26;
export const EYE_CLOSED = 0.2;
/** A blink longer than this is eyes closed or looking down, not a blink. */
export const BLINK_MAX_MS = 1200;
export const BLINK_FRONTAL_DEG = 15;
export const TURN_OUT_DEG = 20;
export const TURN_BACK_DEG = 12;
export const MOUTH_CLOSED = 0.04;
export const MOUTH_OPEN = 0.1;

export type ChallengeProgress =
  | { readonly kind: 'blink'; readonly openSeen: boolean; readonly closedAt: number | null }
  | { readonly kind: 'turn'; readonly side: 1 | -1; readonly frontalSeen: boolean; readonly out: boolean }
  | { readonly kind: 'mouth'; readonly closedSeen: boolean };

export function startProgress(challenge: ChallengeKind): ChallengeProgress {
  switch (challenge) {
    case 'blink':
      return { kind: 'blink', openSeen: false, closedAt: null };
    // yaw > 0 is the resident's own right (measure.ts), so their left is negative yaw.
    case 'turn-left':
      return { kind: 'turn', side: -1, frontalSeen: false, out: false };
    case 'turn-right':
      return { kind: 'turn', side: 1, frontalSeen: false, out: false };
    case 'open-mouth':
      return { kind: 'mouth', closedSeen: false };
  }
}

/** One frame's face into the challenge: the new progress, and whether it is done. */
export function advance(p: ChallengeProgress, face: FaceMeasure, at: number): { progress: ChallengeProgress; done: boolean } {
  switch (p.kind) {
    case 'blink': {
      if (Math.abs(face.yawDeg) >= BLINK_FRONTAL_DEG) return { progress: p, done: false };
      if (face.eyeOpen >= EYE_OPEN) {
        const done = p.openSeen && p.closedAt !== null && at - p.closedAt <= BLINK_MAX_MS;
        return { progress: { ...p, openSeen: true, closedAt: null }, done };
      }
      if (face.eyeOpen < EYE_CLOSED && p.openSeen) {
        if (p.closedAt === null) return { progress: { ...p, closedAt: at }, done: false };
        // Closed too long: start over, open eyes first.
        if (at - p.closedAt > BLINK_MAX_MS) return { progress: { ...p, openSeen: false, closedAt: null }, done: false };
      }
      return { progress: p, done: false };
    }
    case 'turn': {
      const yaw = face.yawDeg * p.side;
      if (!p.frontalSeen) return { progress: { ...p, frontalSeen: Math.abs(face.yawDeg) < TURN_BACK_DEG }, done: false };
      if (!p.out) return { progress: { ...p, out: yaw >= TURN_OUT_DEG }, done: false };
      return { progress: p, done: Math.abs(face.yawDeg) < TURN_BACK_DEG };
    }
    case 'mouth': {
      if (Math.abs(face.yawDeg) >= 25) return { progress: p, done: false };
      if (face.mouthOpen < MOUTH_CLOSED) return { progress: { ...p, closedSeen: true }, done: false };
      return { progress: p, done: p.closedSeen && face.mouthOpen >= MOUTH_OPEN };
    }
  }
}

/** A random pair of different challenges; at most one head turn (left then right would tire a neck for nothing). */
export function randomPair(random: () => number = Math.random): [ChallengeKind, ChallengeKind] {
  const pool: ChallengeKind[] = ['blink', 'turn-left', 'turn-right', 'open-mouth'];
  const first = pool[Math.floor(random() * pool.length) % pool.length]!;
  const rest = pool.filter((c) => c !== first && !(first.startsWith('turn') && c.startsWith('turn')));
  return [first, rest[Math.floor(random() * rest.length) % rest.length]!];
}
