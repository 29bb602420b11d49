// The liveness check as a pure state machine: one frame's measurements in, the
// new state and what to say out. No DOM, no clock of its own (frames carry their
// time), so the unit tests drive it with synthetic frames.
//
// An attempt: find exactly one face; get it near enough, centred and frontal,
// held for a moment; then the challenges one at a time, each asked aloud. Time-outs
// are patient and warned aloud before they end. A second face pauses everything
// and says why. A face that jumps (a cut in a replayed video, a photo swapped in)
// or goes away mid-challenge starts the challenges again. A still, a frozen frame
// or a print never blinks or swings its head, so it runs out of time and fails.
import type { ChallengeKind, ChallengeLogEntry, FaceFailReason } from '../../../common/domain/face.js';
import { advance, startProgress, type ChallengeProgress } from './challenges.js';
import { realFaces, type FaceMeasure, type FrameMeasure } from './measure.js';
import { DEFAULT_POSITION, positionHint, type PositionHint, type PositionRules } from './position.js';

export interface LivenessOptions {
  readonly challenges: readonly ChallengeKind[];
  /** No face at all for this long: fails with 'no-face'. */
  readonly findTimeoutMs: number;
  /** A face, but never well placed for this long: 'not-positioned'. */
  readonly positionTimeoutMs: number;
  /** Each challenge, from when it is asked: 'challenge-timeout'. */
  readonly challengeTimeoutMs: number;
  /** Two faces in view for this long (the check waits meanwhile): 'two-faces'. */
  readonly twoFacesTimeoutMs: number;
  /** Said this long before a time-out ends, so nobody is cut off unwarned. */
  readonly warnBeforeMs: number;
  /** Well placed for this long before the first challenge is asked. */
  readonly settleMs: number;
  /** A hint is said once it held this long, and said again at most this often. */
  readonly hintDwellMs: number;
  readonly hintRepeatMs: number;
  /** The face gone this long in a challenge: back to finding it, challenges from the start. */
  readonly lostMs: number;
  /** The face centre moving more than this times its width between frames is another face. */
  readonly jumpWidths: number;
  /** This many jumps in one attempt: 'face-changed'. */
  readonly maxJumps: number;
  readonly position: PositionRules;
}

export const DEFAULT_LIVENESS: Omit<LivenessOptions, 'challenges'> = {
  findTimeoutMs: 20_000,
  positionTimeoutMs: 30_000,
  challengeTimeoutMs: 15_000,
  twoFacesTimeoutMs: 20_000,
  warnBeforeMs: 6_000,
  settleMs: 600,
  hintDwellMs: 700,
  hintRepeatMs: 5_000,
  lostMs: 1_500,
  jumpWidths: 0.6,
  maxJumps: 3,
  position: DEFAULT_POSITION,
};

/** What the resident hears (and sees) next; the screen words are in i18n/face.zh-CN.ts. */
export type LivenessSay =
  | { readonly kind: 'hint'; readonly hint: PositionHint | 'no-face' }
  | { readonly kind: 'two-faces' }
  | { readonly kind: 'hold-still' }
  | { readonly kind: 'ask'; readonly challenge: ChallengeKind; readonly n: number }
  | { readonly kind: 'warn'; readonly challenge: ChallengeKind | null }
  | { readonly kind: 'done'; readonly challenge: ChallengeKind }
  | { readonly kind: 'again' }
  | { readonly kind: 'passed' }
  | { readonly kind: 'failed'; readonly reason: FaceFailReason };

export type LivenessPhase = 'positioning' | 'settling' | 'challenge' | 'passed' | 'failed';

export interface LivenessState {
  readonly opts: LivenessOptions;
  readonly phase: LivenessPhase;
  readonly startedAt: number | null;
  /** When the current phase's clock started (paused time excluded by moving it on). */
  readonly phaseAt: number;
  readonly lastAt: number | null;
  readonly warned: boolean;
  /** When the face became well placed (settling before the first challenge). */
  readonly settleAt: number;
  readonly saidHoldAt: number;
  readonly faceSeen: boolean;
  readonly lastFace: FaceMeasure | null;
  readonly lastFaceAt: number | null;
  readonly jumps: number;
  readonly twoFacesSince: number | null;
  readonly hint: PositionHint | 'no-face' | null;
  readonly hintSince: number;
  readonly saidHint: PositionHint | 'no-face' | null;
  readonly saidHintAt: number;
  readonly index: number;
  readonly progress: ChallengeProgress | null;
  readonly log: readonly ChallengeLogEntry[];
  readonly reason: FaceFailReason | null;
  /** The face of this frame if it is a good photo moment (frontal, eyes open, well placed). */
  readonly photoMoment: FaceMeasure | null;
}

export function startLiveness(opts: Partial<LivenessOptions> & { challenges: readonly ChallengeKind[] }): LivenessState {
  if (opts.challenges.length === 0) throw new Error('a liveness check needs at least one challenge');
  return {
    opts: { ...DEFAULT_LIVENESS, ...opts },
    phase: 'positioning',
    startedAt: null,
    phaseAt: 0,
    lastAt: null,
    warned: false,
    settleAt: 0,
    saidHoldAt: -Infinity,
    faceSeen: false,
    lastFace: null,
    lastFaceAt: null,
    jumps: 0,
    twoFacesSince: null,
    hint: null,
    hintSince: 0,
    saidHint: null,
    saidHintAt: -Infinity,
    index: 0,
    progress: null,
    log: [],
    reason: null,
    photoMoment: null,
  };
}

export const isFinal = (s: LivenessState) => s.phase === 'passed' || s.phase === 'failed';

const rel = (s: LivenessState, at: number) => Math.max(0, Math.round(at - (s.startedAt ?? at)));

function fail(s: LivenessState, reason: FaceFailReason, say: LivenessSay[]): LivenessState {
  say.push({ kind: 'failed', reason });
  return { ...s, phase: 'failed', reason, photoMoment: null };
}

function ask(s: LivenessState, at: number, index: number, say: LivenessSay[]): LivenessState {
  const challenge = s.opts.challenges[index]!;
  say.push({ kind: 'ask', challenge, n: index + 1 });
  return { ...s, phase: 'challenge', phaseAt: at, warned: false, index, progress: startProgress(challenge), log: [...s.log, { challenge, askedAtMs: rel(s, at), doneAtMs: null }] };
}

/** Back to placing the face, the challenges from the start (the log keeps what was asked). */
function restart(s: LivenessState, at: number, say: LivenessSay[]): LivenessState {
  say.push({ kind: 'again' });
  return { ...s, phase: 'positioning', phaseAt: at, warned: false, index: 0, progress: null, hint: null, saidHint: null };
}

/** Says the hint once it has held for a moment; again only after a while. */
function hinted(s: LivenessState, hint: PositionHint | 'no-face' | null, at: number, say: LivenessSay[]): LivenessState {
  const since = hint === s.hint ? s.hintSince : at;
  let next: LivenessState = { ...s, hint, hintSince: since };
  if (hint !== null && at - since >= s.opts.hintDwellMs && (hint !== s.saidHint || at - s.saidHintAt >= s.opts.hintRepeatMs)) {
    say.push({ kind: 'hint', hint });
    next = { ...next, saidHint: hint, saidHintAt: at };
  }
  return next;
}

/** A warning once before the phase's time-out, then the failure at it. */
function timed(s: LivenessState, at: number, limit: number, reason: FaceFailReason, warn: LivenessSay, say: LivenessSay[]): LivenessState {
  const used = at - s.phaseAt;
  if (used >= limit) return fail(s, reason, say);
  if (!s.warned && used >= limit - s.opts.warnBeforeMs) {
    say.push(warn);
    return { ...s, warned: true };
  }
  return s;
}

function jumped(prev: FaceMeasure, face: FaceMeasure, limit: number): boolean {
  const dx = face.box.x + face.box.w / 2 - (prev.box.x + prev.box.w / 2);
  const dy = face.box.y + face.box.h / 2 - (prev.box.y + prev.box.h / 2);
  const ratio = face.box.w / prev.box.w;
  return Math.hypot(dx, dy) > limit * prev.box.w || ratio > 1.5 || ratio < 1 / 1.5;
}

/** One analysed frame in: the new state and what to say, in order. */
export function stepLiveness(prev: LivenessState, frame: FrameMeasure): { state: LivenessState; say: LivenessSay[] } {
  const say: LivenessSay[] = [];
  if (isFinal(prev)) return { state: prev, say };
  const at = frame.at;
  let s: LivenessState = prev.startedAt === null ? { ...prev, startedAt: at, phaseAt: at, hintSince: at } : prev;
  s = { ...s, lastAt: at, photoMoment: null };
  const faces = realFaces(frame);

  // A second person: everything waits, and the resident hears why.
  if (faces.length > 1) {
    const since = s.twoFacesSince ?? at;
    if (s.twoFacesSince === null) say.push({ kind: 'two-faces' });
    else if (at - since >= s.opts.twoFacesTimeoutMs) return { state: fail(s, 'two-faces', say), say };
    return { state: { ...s, twoFacesSince: since, lastFace: null }, say };
  }
  if (s.twoFacesSince !== null) {
    // The paused time does not count against the resident.
    s = { ...s, phaseAt: s.phaseAt + (at - s.twoFacesSince), twoFacesSince: null, saidHint: null };
  }

  const face = faces[0] ?? null;
  if (!face) {
    const lostFor = s.lastFaceAt === null ? Infinity : at - s.lastFaceAt;
    if ((s.phase === 'challenge' || s.phase === 'settling') && lostFor < s.opts.lostMs) return { state: s, say };
    if (s.phase !== 'positioning') s = restart(s, at, say);
    s = hinted(s, 'no-face', at, say);
    s = s.faceSeen
      ? timed(s, at, s.opts.positionTimeoutMs, 'not-positioned', { kind: 'warn', challenge: null }, say)
      : timed(s, at, s.opts.findTimeoutMs, 'no-face', { kind: 'warn', challenge: null }, say);
    return { state: { ...s, lastFace: null }, say };
  }

  // The same face from frame to frame, or another one cut in?
  const isJump = s.lastFace !== null && s.lastFaceAt !== null && at - s.lastFaceAt < 1000 && jumped(s.lastFace, face, s.opts.jumpWidths);
  s = { ...s, faceSeen: true, lastFace: face, lastFaceAt: at };
  if (isJump && (s.phase === 'challenge' || s.phase === 'settling')) {
    const jumps = s.jumps + 1;
    if (jumps >= s.opts.maxJumps) return { state: fail({ ...s, jumps }, 'face-changed', say), say };
    return { state: restart({ ...s, jumps }, at, say), say };
  }

  const frontalHint = positionHint(face, s.opts.position);
  if (frontalHint === null) s = { ...s, photoMoment: face.eyeOpen >= 0.26 ? face : null };

  switch (s.phase) {
    case 'positioning': {
      if (frontalHint === null) {
        // Said once in a while, not at every return to a good place.
        const sayIt = at - s.saidHoldAt >= s.opts.hintRepeatMs;
        if (sayIt) say.push({ kind: 'hold-still' });
        return { state: { ...s, phase: 'settling', hint: null, settleAt: at, saidHoldAt: sayIt ? at : s.saidHoldAt }, say };
      }
      s = hinted(s, frontalHint, at, say);
      return { state: timed(s, at, s.opts.positionTimeoutMs, 'not-positioned', { kind: 'warn', challenge: null }, say), say };
    }
    case 'settling': {
      // Looked straight once; from here only size and centre must hold (a head that
      // moves a little while the first instruction comes is still a person in place).
      const placed = positionHint(face, s.opts.position, { frontal: false });
      if (placed !== null) return { state: hinted({ ...s, phase: 'positioning' }, placed, at, say), say };
      if (at - s.settleAt >= s.opts.settleMs) return { state: ask(s, at, 0, say), say };
      return { state: s, say };
    }
    case 'challenge': {
      // In a challenge the head may turn, so only size and centre are kept.
      const placed = positionHint(face, s.opts.position, { frontal: false });
      if (placed !== null) {
        s = hinted(s, placed, at, say);
        return { state: timed(s, at, s.opts.challengeTimeoutMs, 'challenge-timeout', { kind: 'warn', challenge: s.opts.challenges[s.index]! }, say), say };
      }
      s = { ...s, hint: null };
      const { progress, done } = advance(s.progress!, face, at);
      s = { ...s, progress };
      if (done) {
        const challenge = s.opts.challenges[s.index]!;
        const log = s.log.map((e, i) => (i === s.log.length - 1 ? { ...e, doneAtMs: rel(s, at) } : e));
        say.push({ kind: 'done', challenge });
        s = { ...s, log };
        if (s.index + 1 >= s.opts.challenges.length) {
          say.push({ kind: 'passed' });
          return { state: { ...s, phase: 'passed' }, say };
        }
        return { state: ask(s, at, s.index + 1, say), say };
      }
      return { state: timed(s, at, s.opts.challengeTimeoutMs, 'challenge-timeout', { kind: 'warn', challenge: s.opts.challenges[s.index]! }, say), say };
    }
    default:
      return { state: s, say };
  }
}
