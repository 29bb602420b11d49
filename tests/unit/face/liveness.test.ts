// The liveness machine driven by synthetic per-frame measurements: what a real
// person does passes, what a photo, a frozen frame or a replay does fails, each
// for its stated reason, and the resident hears one instruction at a time.
import { describe, expect, it } from 'vitest';
import type { ChallengeKind } from '../../../common/domain/face.js';
import { isFinal, startLiveness, stepLiveness, type LivenessSay, type LivenessState } from '../../../renderer/src/face/liveness.js';
import type { FaceMeasure, FrameMeasure } from '../../../renderer/src/face/measure.js';
import { randomPair } from '../../../renderer/src/face/challenges.js';
import { photoScore, sharpness } from '../../../renderer/src/face/best-frame.js';

const centred: FaceMeasure = { box: { x: 0.3, y: 0.2, w: 0.4, h: 0.55 }, score: 0.95, yawDeg: 0, pitchDeg: 0, eyeOpen: 0.36, mouthOpen: 0.01 };
const face = (patch: Partial<FaceMeasure> = {}): FaceMeasure => ({ ...centred, ...patch });

/** Feeds frames 100 ms apart (10 fps, what the wasm backend gives on 2 cores) and collects everything said. */
class Run {
  state: LivenessState;
  said: LivenessSay[] = [];
  at = 0;
  constructor(challenges: ChallengeKind[]) {
    this.state = startLiveness({ challenges });
  }
  frames(n: number, faces: (i: number) => FaceMeasure[]): this {
    for (let i = 0; i < n && !isFinal(this.state); i++) {
      const frame: FrameMeasure = { at: this.at, faces: faces(i) };
      const r = stepLiveness(this.state, frame);
      this.state = r.state;
      this.said.push(...r.say);
      this.at += 100;
    }
    return this;
  }
  /** Until the named thing is said (or the attempt ends). */
  until(kind: LivenessSay['kind'], faces: (i: number) => FaceMeasure[], max = 600): this {
    const before = this.said.length;
    for (let i = 0; i < max && !isFinal(this.state); i++) {
      this.frames(1, () => faces(i));
      if (this.said.slice(before).some((s) => s.kind === kind)) return this;
    }
    return this;
  }
  kinds(): string[] {
    return this.said.map((s) => (s.kind === 'hint' ? `hint:${s.hint}` : s.kind === 'ask' ? `ask:${s.challenge}` : s.kind));
  }
}

/** Eyes open, a blink of two closed frames (200 ms), open again. */
const blinking = (i: number) => [face({ eyeOpen: i % 20 === 10 || i % 20 === 11 ? 0.12 : 0.36 })];
/** Yaw swinging from the front out to the resident's own left (−30°: positive yaw is their right) and back, a 2.4 s period. */
const turningLeft = (i: number) => [face({ yawDeg: -30 * Math.sin((i / 24) * 2 * Math.PI) ** 2, eyeOpen: 0.36 })];

describe('a real person doing what is asked', () => {
  it('passes blink then turn, with every challenge logged as asked and done', () => {
    const r = new Run(['blink', 'turn-left']).until('ask', () => [centred]);
    expect(r.kinds()).toEqual(['hold-still', 'ask:blink']);
    r.until('done', blinking).until('done', turningLeft);
    expect(r.state.phase).toBe('passed');
    expect(r.state.log.map((e) => e.challenge)).toEqual(['blink', 'turn-left']);
    for (const e of r.state.log) expect(e.doneAtMs).toBeGreaterThanOrEqual(e.askedAtMs);
    expect(r.kinds().slice(-4)).toEqual(['done', 'ask:turn-left', 'done', 'passed']);
  });

  it('passes open-mouth and turn-right', () => {
    const r = new Run(['open-mouth', 'turn-right']).until('ask', () => [centred]);
    r.until('done', (i) => [face({ mouthOpen: i % 10 < 5 ? 0.01 : 0.18 })]);
    r.until('done', (i) => [face({ yawDeg: 30 * Math.sin((i / 24) * 2 * Math.PI) ** 2 })]);
    expect(r.state.phase).toBe('passed');
  });

  it('a blink while the head is turned is not counted: the eye ratio drops at large yaw with the eyes open', () => {
    const r = new Run(['blink']).until('ask', () => [centred]);
    // Eyes "closing" only at 30° yaw, as the head-turn clip measures: never a blink.
    r.frames(100, (i) => [face({ yawDeg: i % 20 < 10 ? 30 : 0, eyeOpen: i % 20 < 10 ? 0.15 : 0.36 })]);
    expect(r.state.log[0]!.doneAtMs).toBeNull();
  });

  it('turning the wrong way does not do turn-left', () => {
    const r = new Run(['turn-left']).until('ask', () => [centred]);
    r.frames(100, (i) => [face({ yawDeg: 30 * Math.sin((i / 24) * 2 * Math.PI) ** 2 })]);
    expect(r.state.phase).toBe('challenge');
  });
});

describe('placing the face: one spoken hint at a time', () => {
  it('too far, then off to one side, then straight: each said once it held, then the challenge', () => {
    const r = new Run(['blink'])
      .frames(15, () => [face({ box: { x: 0.42, y: 0.3, w: 0.16, h: 0.2 } })])
      .frames(15, () => [face({ box: { x: 0.0, y: 0.2, w: 0.4, h: 0.55 } })])
      .frames(15, () => [face({ yawDeg: 28 })])
      .until('ask', () => [centred]);
    expect(r.kinds()).toEqual(['hint:closer', 'hint:left', 'hint:straight', 'hold-still', 'ask:blink']);
  });

  it('a hint that stays wrong is said again, not every frame', () => {
    const r = new Run(['blink']).frames(120, () => [face({ box: { x: 0.6, y: 0.2, w: 0.4, h: 0.55 } })]);
    const hints = r.kinds().filter((k) => k === 'hint:right');
    expect(hints.length).toBeGreaterThanOrEqual(2);
    expect(hints.length).toBeLessThanOrEqual(3);
  });
});

describe('what must never pass', () => {
  it('a still photo: well placed, eyes open, never blinks — warned, then fails as a challenge time-out', () => {
    const r = new Run(['blink']).frames(400, () => [centred]);
    expect(r.state.phase).toBe('failed');
    expect(r.state.reason).toBe('challenge-timeout');
    expect(r.kinds()).toContain('warn');
    expect(r.kinds().indexOf('warn')).toBeLessThan(r.kinds().indexOf('failed'));
  });

  it('a print held at an angle never gets frontal, so never reaches the challenge', () => {
    const r = new Run(['turn-left']).frames(400, (i) => [face({ yawDeg: 27 + (i % 3), box: { x: 0.3 + (i % 5) * 0.005, y: 0.2, w: 0.45, h: 0.6 } })]);
    expect(r.state.reason).toBe('not-positioned');
    expect(r.state.log).toEqual([]);
  });

  it('a print moved by hand (the box moves, the eyes never close) fails the blink', () => {
    const r = new Run(['blink']).frames(400, (i) => [face({ box: { x: 0.3 + 0.02 * Math.sin(i / 5), y: 0.2 + 0.01 * Math.cos(i / 7), w: 0.4 + 0.02 * Math.sin(i / 9), h: 0.55 }, eyeOpen: 0.33 + 0.03 * Math.sin(i) })]);
    expect(r.state.reason).toBe('challenge-timeout');
  });

  it('a replay that cuts between faces restarts the challenges each time, and fails after three cuts', () => {
    const here = centred;
    const there = face({ box: { x: 0.175, y: 0.1, w: 0.65, h: 0.8 } });
    const r = new Run(['blink', 'turn-left']).frames(300, (i) => [Math.floor(i / 25) % 2 ? there : here]);
    expect(r.state.reason).toBe('face-changed');
    expect(r.kinds().filter((k) => k === 'again').length).toBe(2);
  });

  it('nothing in front of the camera: asks for a face, warns, then fails with no-face', () => {
    const r = new Run(['blink']).frames(400, () => []);
    expect(r.state.reason).toBe('no-face');
    expect(r.kinds()[0]).toBe('hint:no-face');
    expect(r.kinds()).toContain('warn');
  });

  it('low-score detections are not people', () => {
    const r = new Run(['blink']).until('ask', () => [centred, face({ score: 0.3, box: { x: 0.9, y: 0.9, w: 0.1, h: 0.1 } })]);
    expect(r.kinds()).not.toContain('two-faces');
  });
});

describe('a second face', () => {
  it('pauses the check and says why; the paused time does not count; with one face again it goes on', () => {
    const r = new Run(['blink']).until('ask', () => [centred]);
    r.frames(120, () => [centred, face({ box: { x: 0.0, y: 0.1, w: 0.3, h: 0.4 } })]);
    expect(r.kinds().filter((k) => k === 'two-faces')).toHaveLength(1);
    expect(r.state.phase).toBe('challenge');
    r.until('done', blinking);
    expect(r.state.phase).toBe('passed');
  });

  it('two faces that never leave fail for that reason', () => {
    const r = new Run(['blink']).frames(400, () => [centred, face({ box: { x: 0.0, y: 0.1, w: 0.3, h: 0.4 } })]);
    expect(r.state.reason).toBe('two-faces');
  });
});

describe('the face going away in a challenge', () => {
  it('a moment out of view is forgiven; longer starts the challenges again', () => {
    const r = new Run(['blink']).until('ask', () => [centred]);
    r.frames(5, () => []);
    expect(r.state.phase).toBe('challenge');
    r.frames(30, () => []);
    expect(r.state.phase).toBe('positioning');
    expect(r.kinds()).toContain('again');
    r.until('ask', () => [centred]).until('done', blinking);
    expect(r.state.phase).toBe('passed');
  });
});

describe('the photo moment', () => {
  it('is offered only for a frontal, well placed face with the eyes open', () => {
    const r = new Run(['blink']).frames(1, () => [centred]);
    expect(r.state.photoMoment).not.toBeNull();
    r.frames(1, () => [face({ eyeOpen: 0.1 })]);
    expect(r.state.photoMoment).toBeNull();
    r.frames(1, () => [face({ yawDeg: 25 })]);
    expect(r.state.photoMoment).toBeNull();
  });
});

describe('randomPair', () => {
  it('gives two different challenges, never two head turns', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const [a, b] = randomPair(random);
      expect(a).not.toBe(b);
      expect(a.startsWith('turn') && b.startsWith('turn')).toBe(false);
      seen.add(`${a}+${b}`);
    }
    expect(seen.size).toBeGreaterThanOrEqual(8);
  });

  it('refuses an empty challenge list', () => {
    expect(() => startLiveness({ challenges: [] })).toThrow(/at least one/);
  });
});

describe('the best frame', () => {
  const plane = (w: number, h: number, f: (x: number, y: number) => number) => {
    const a = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) a.fill(f(x, y), (y * w + x) * 4, (y * w + x) * 4 + 3);
    return a;
  };
  it('a sharp picture scores above a blurred one, and a flat grey frame scores zero', () => {
    const sharpEdges = sharpness(plane(32, 32, (x) => (x % 4 < 2 ? 30 : 220)), 32, 32);
    const soft = sharpness(plane(32, 32, (x) => 125 + 60 * Math.sin(x / 3)), 32, 32);
    expect(sharpEdges).toBeGreaterThan(soft * 10);
    expect(sharpness(plane(32, 32, () => 128), 32, 32)).toBe(0);
  });
  it('prefers a frontal face with the eyes open', () => {
    expect(photoScore(centred, 100)).toBeGreaterThan(photoScore(face({ yawDeg: 12 }), 100));
    expect(photoScore(centred, 100)).toBeGreaterThan(photoScore(face({ eyeOpen: 0.15 }), 100));
  });
});
