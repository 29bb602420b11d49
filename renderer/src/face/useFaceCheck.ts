// The face check on screen: the camera (on only while the check runs), the
// analysis loop feeding the liveness machine, what it says spoken aloud, the best
// frame kept (one canvas, never more), and after a pass the photo shown for
// 就用这张 / 重新拍. Three failed attempts or no camera: the kind fallback (the
// specialist confirms by phone or visit). Everything is dropped when the step
// goes away (the visit ends, or the resident moves on).
import { useCallback, useEffect, useRef, useState } from 'react';
import { FACE_DESCRIPTOR_ATTACHMENT, FACE_LOG_ATTACHMENT, type ChallengeKind, type FaceCheckLog, type FaceFailReason } from '../../../common/domain/face.js';
import type { AttachmentInput } from '../../../common/domain/application.js';
import { faceStrings as w } from '../i18n/face.zh-CN.js';
import { sha256Hex } from '../flow/photo-capture.js';
import type { CapturedPhoto } from '../flow/to-application.js';
import { photoScore, sharpness } from './best-frame.js';
import { randomPair } from './challenges.js';
import { loadFaceEngine, type FaceEngine } from './face-engine.js';
import { cameraFrames, type CameraFrames } from './camera-frames.js';
import { isFinal, startLiveness, stepLiveness, type LivenessSay, type LivenessState } from './liveness.js';
import type { FaceMeasure } from './measure.js';

export const MAX_ATTEMPTS = 3;
/** How long a camera may take to open and show a picture (a cold USB camera takes a few seconds). */
const CAMERA_TIMEOUT_MS = 20_000;

export type FacePhase = 'loading' | 'checking' | 'describing' | 'review' | 'failed' | 'fallback';

export interface FaceCheckResult {
  readonly photo: CapturedPhoto;
  /** The challenge log and the descriptor, attached beside the photo. */
  readonly companions: AttachmentInput[];
}

export interface FaceCheck {
  readonly phase: FacePhase;
  readonly cameraOn: boolean;
  /** What the resident is asked now (shown large; also said). */
  readonly instruction: string;
  readonly attempt: number;
  readonly reason: FaceFailReason | 'no-camera' | null;
  readonly challenges: readonly ChallengeKind[];
  readonly photo: CapturedPhoto | null;
  /** Frames per second of the analysis, and ms from the first frame to the decision (for tests and the benchmark). */
  readonly fps: number | null;
  readonly decisionMs: number | null;
  /** How the camera's frames were read in the last attempt (camera-frames.ts); null before one ends. */
  readonly framesFrom: 'video-frame' | 'video-element' | null;
  readonly video: (el: HTMLVideoElement | null) => void;
  use(): void;
  retake(): void;
  tryAgain(): void;
}

interface Attempt {
  readonly challenges: ChallengeKind[];
  readonly outcome: 'passed' | 'failed';
  readonly reason: FaceFailReason | null;
  readonly durationMs: number;
  readonly log: LivenessState['log'];
}

function words(s: LivenessSay): string {
  switch (s.kind) {
    case 'hint':
      return w.hints[s.hint];
    case 'two-faces':
      return w.twoFaces;
    case 'hold-still':
      return w.holdStill;
    case 'ask':
      return w.ask[s.challenge];
    case 'warn':
      return w.warn(s.challenge ? w.ask[s.challenge] : null);
    case 'done':
      return w.done;
    case 'again':
      return w.again;
    case 'passed':
      return w.passed;
    case 'failed':
      return w.failed[s.reason];
  }
}

/** Hints give way for a moment to an instruction just said, so "请眨眨眼" is not cut off by "请靠近一点". */
const isMinor = (s: LivenessSay) => s.kind === 'hint' || s.kind === 'hold-still';

const toBase64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

async function jsonAttachment(name: string, value: unknown): Promise<AttachmentInput> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return { name, mediaType: 'application/json', base64: toBase64(bytes), sha256: await sha256Hex(bytes) };
}

async function jpegOf(canvas: HTMLCanvasElement, name: string): Promise<CapturedPhoto> {
  const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.85));
  if (!blob) throw new Error('photo-encode-failed');
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return { name, mediaType: 'image/jpeg', base64: toBase64(bytes), sha256: await sha256Hex(bytes) };
}

/** Runs the check while `target` is set (a face question on screen). */
export function useFaceCheck(
  target: { key: string; name: string } | null,
  opts: { pinned: readonly ChallengeKind[] | null; say(text: string): void; speaking: boolean; onUse(r: FaceCheckResult): void },
): FaceCheck {
  const key = target?.key ?? null;
  const [phase, setPhase] = useState<FacePhase>('loading');
  const [attempt, setAttempt] = useState(1);
  const [run, setRun] = useState(0);
  const [instruction, setInstruction] = useState<string>(w.loading);
  const [reason, setReason] = useState<FaceCheck['reason']>(null);
  const [challenges, setChallenges] = useState<ChallengeKind[]>([]);
  const [photo, setPhoto] = useState<CapturedPhoto | null>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [stats, setStats] = useState<{ fps: number | null; decisionMs: number | null }>({ fps: null, decisionMs: null });
  // Which way the camera's frames were read (camera-frames.ts): shown to tests and the benchmark.
  const [framesFrom, setFramesFrom] = useState<CameraFrames['kind'] | null>(null);
  const latest = useRef({ opts, target });
  latest.current = { opts, target };
  const attempts = useRef<Attempt[]>([]);
  const companions = useRef<AttachmentInput[]>([]);
  const videoEl = useRef<HTMLVideoElement | null>(null);
  const used = useRef(false);

  // A new face question (or the same one visited again) starts from nothing.
  useEffect(() => {
    attempts.current = [];
    companions.current = [];
    used.current = false;
    setAttempt(1);
    setPhoto(null);
    setReason(null);
    setRun((n) => n + 1);
  }, [key]);

  // Hold the first instruction until the question's own words have been said (at most 10 s):
  // the check's first words would cut them off. Counted from when this face question opened.
  const [introOver, setIntroOver] = useState(false);
  const openedAt = useRef(0);
  useEffect(() => {
    setIntroOver(false);
    openedAt.current = performance.now();
    if (key === null) return;
    const cap = setTimeout(() => setIntroOver(true), 10_000);
    return () => clearTimeout(cap);
  }, [key]);
  useEffect(() => {
    if (key === null) return;
    const settle = () => !latest.current.opts.speaking && performance.now() - openedAt.current >= 1500 && setIntroOver(true);
    // Once the prompt has had time to start; again whenever speaking stops.
    const t = setTimeout(settle, Math.max(0, 1500 - (performance.now() - openedAt.current)) + 50);
    return () => clearTimeout(t);
  }, [key, opts.speaking]);
  const introRef = useRef(introOver);
  introRef.current = introOver;

  // One attempt: camera on, engine ready, frames through the machine until it decides.
  useEffect(() => {
    if (key === null || run === 0) return;
    let cancelled = false;
    let live: MediaStream | null = null;
    let feed: CameraFrames | null = null;
    let work = document.createElement('canvas');
    let best = document.createElement('canvas');
    let bestScore = -1;
    const scratch = document.createElement('canvas');
    scratch.width = scratch.height = 96;
    const pair = latest.current.opts.pinned ? [...latest.current.opts.pinned] : randomPair();
    setChallenges(pair);
    setPhase('loading');
    setInstruction(w.loading);
    setStats({ fps: null, decisionMs: null });
    let quietUntil = 0;
    const speak = (says: LivenessSay[]) => {
      if (says.length === 0) return;
      const now = performance.now();
      const major = says.filter((s) => !isMinor(s));
      if (major.length === 0 && now < quietUntil) return;
      const text = (major.length ? major : says).map(words).join('');
      if (major.length) quietUntil = now + 2500;
      setInstruction((major.length ? major : says).map(words).at(-1)!);
      latest.current.opts.say(text);
    };
    const keepIfBest = (face: FaceMeasure) => {
      const sx = face.box.x * work.width;
      const sy = face.box.y * work.height;
      const ctx = scratch.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(work, sx, sy, face.box.w * work.width, face.box.h * work.height, 0, 0, 96, 96);
      const score = photoScore(face, sharpness(ctx.getImageData(0, 0, 96, 96).data, 96, 96));
      if (score <= bestScore) return;
      bestScore = score;
      // The analysed frame becomes the best one; the old best canvas is drawn over next frame.
      [best, work] = [work, best];
    };

    const finish = async (state: LivenessState, engine: FaceEngine, startedAt: number, frames: number) => {
      const durationMs = Math.round(performance.now() - startedAt);
      setFramesFrom(feed?.kind ?? null);
      setStats({ fps: frames / Math.max(0.001, durationMs / 1000), decisionMs: durationMs });
      attempts.current.push({ challenges: pair, outcome: state.phase === 'passed' ? 'passed' : 'failed', reason: state.reason, durationMs, log: state.log });
      live?.getTracks().forEach((t) => t.stop());
      setStream(null);
      if (state.phase === 'failed') {
        setReason(state.reason);
        if (attempts.current.length >= MAX_ATTEMPTS) {
          setPhase('fallback');
          setInstruction(w.fallbackFailed);
          latest.current.opts.say(`${w.failed[state.reason!]}${w.fallbackFailed}`);
        } else {
          setPhase('failed');
          setInstruction(w.failed[state.reason!]);
          latest.current.opts.say(`${w.failed[state.reason!]}${w.tryAgainSay}`);
        }
        return;
      }
      setPhase('describing');
      setInstruction(w.describing);
      const source = bestScore >= 0 ? best : work;
      const descriptor = await engine.describe(source).catch(() => null);
      const shot = await jpegOf(source, latest.current.target?.name ?? 'face');
      if (cancelled) return;
      const log: FaceCheckLog = {
        version: 1,
        passedAt: new Date().toISOString(),
        attempts: attempts.current.map((a) => ({ challenges: [...a.log], outcome: a.outcome, reason: a.reason, durationMs: a.durationMs })),
        engine: engine.name,
      };
      companions.current = [await jsonAttachment(FACE_LOG_ATTACHMENT, log)];
      if (descriptor) companions.current.push(await jsonAttachment(FACE_DESCRIPTOR_ATTACHMENT, { version: 1, model: 'human faceres', descriptor }));
      if (cancelled) return;
      setPhoto(shot);
      setPhase('review');
      setInstruction(w.review);
      latest.current.opts.say(`${w.passed}${w.review}`);
    };

    (async () => {
      try {
        // A camera that never answers is no camera: the resident is not left waiting.
        live = await Promise.race([
          navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' }, audio: false }),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('camera-timeout')), CAMERA_TIMEOUT_MS)),
        ]);
      } catch {
        if (cancelled) return;
        setReason('no-camera');
        setPhase('fallback');
        setInstruction(w.fallbackNoCamera);
        latest.current.opts.say(w.fallbackNoCamera);
        return;
      }
      if (cancelled) return live.getTracks().forEach((t) => t.stop());
      setStream(live);
      // No camera, or one that shows no picture: the camera goes off and the kind fallback is said.
      const camera = live;
      const noCamera = () => {
        camera.getTracks().forEach((t) => t.stop());
        setStream(null);
        setReason('no-camera');
        setPhase('fallback');
        setInstruction(w.fallbackNoCamera);
        latest.current.opts.say(w.fallbackNoCamera);
      };
      let engine: FaceEngine;
      try {
        engine = await loadFaceEngine();
      } catch {
        if (cancelled) return;
        return noCamera();
      }
      let state = startLiveness({ challenges: pair });
      let startedAt = 0;
      let frames = 0;
      let noPictureSince = performance.now();
      const fromCamera = cameraFrames(camera, () => videoEl.current);
      feed = fromCamera;
      while (!cancelled) {
        // Give the page a turn between frames (timers, input, painting): the wasm backend's
        // promises resolve as microtasks, so without this the loop would never let go.
        await new Promise((r) => setTimeout(r, 0));
        const v = videoEl.current;
        if (!v || v.readyState < 2 || v.videoWidth === 0 || !(await fromCamera.next(work))) {
          if (cancelled) return;
          // A camera that opened but shows no picture: the same kind fallback as no camera.
          if (performance.now() - noPictureSince > CAMERA_TIMEOUT_MS) return noCamera();
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        noPictureSince = performance.now();
        const frame = await engine.measure(fromCamera.pixels ?? work);
        if (cancelled) return;
        // The first analysed frame is slow (kernels compile): the check starts after it, and after the question was said.
        if (!introRef.current) continue;
        if (startedAt === 0) {
          startedAt = performance.now();
          setPhase('checking');
          setInstruction(w.waiting);
        }
        frames++;
        const r = stepLiveness(state, frame);
        state = r.state;
        speak(r.say);
        if (state.photoMoment) keepIfBest(state.photoMoment);
        if (isFinal(state)) return void finish(state, engine, startedAt, frames);
      }
    })();
    return () => {
      cancelled = true;
      feed?.close();
      live?.getTracks().forEach((t) => t.stop());
      setStream(null);
      for (const c of [work, best, scratch]) c.width = c.height = 0;
    };
  }, [key, run]);

  // Nothing of the check outlives its step: the photo and the attachments go with it.
  useEffect(
    () => () => {
      companions.current = [];
      attempts.current = [];
    },
    [],
  );

  const video = useCallback(
    (el: HTMLVideoElement | null) => {
      videoEl.current = el;
      if (el && stream && el.srcObject !== stream) {
        el.srcObject = stream;
        void el.play().catch(() => {});
      }
      if (el && !stream) el.srcObject = null;
    },
    [stream],
  );

  const use = useCallback(() => {
    if (phase !== 'review' || !photo || used.current) return;
    used.current = true;
    latest.current.opts.onUse({ photo, companions: companions.current });
  }, [phase, photo]);
  const retake = useCallback(() => {
    if (phase !== 'review' || used.current) return;
    setPhoto(null);
    setRun((n) => n + 1);
  }, [phase]);
  const tryAgain = useCallback(() => {
    if (phase !== 'failed') return;
    setAttempt(attempts.current.length + 1);
    setReason(null);
    setRun((n) => n + 1);
  }, [phase]);

  return { phase, cameraOn: stream !== null, instruction, attempt, reason, challenges, photo, fps: stats.fps, decisionMs: stats.decisionMs, framesFrom, video, use, retake, tryAgain };
}
