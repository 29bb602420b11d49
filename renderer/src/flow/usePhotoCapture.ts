// The camera of a photo question: live preview, 拍照, then 用这张 or 重拍. Held by
// the flow rather than by the photo view so the buttons and the spoken words
// (flow-voice.ts) call the same three functions. Each change is said aloud as
// well as drawn, because the resident may not see the screen well, and because a
// finished sentence is what starts the next hands-free listen.
import { useCallback, useEffect, useRef, useState } from 'react';
import { t } from '../i18n/zh-CN.js';
import { captureFrame, openCamera } from './photo-capture.js';
import type { CapturedPhoto } from './to-application.js';

/** `opening` until the camera runs; `shot` while a taken picture waits for 用这张 / 重拍. */
export type PhotoPhase = 'opening' | 'preview' | 'shot' | 'failed';

/** What voice may press on a photo question; the buttons press the same. */
export interface PhotoControls {
  readonly phase: PhotoPhase;
  /** Takes the picture (only while the preview runs). */
  take(): void;
  /** Answers the question with the taken picture (once). */
  use(): void;
  /** Drops the taken picture and shows the preview again. */
  retake(): void;
}

export interface PhotoCapture extends PhotoControls {
  readonly shot: CapturedPhoto | null;
  readonly tooLarge: boolean;
  /** Callback ref for the preview <video>: attaches the stream whenever the element (re)appears. */
  readonly video: (el: HTMLVideoElement | null) => void;
}

export interface PhotoTarget {
  /** The question's key: a new key is a new photo (and a fresh camera). */
  readonly key: string;
  readonly name: string;
  readonly maxBytes: number;
}

/** One visit to one photo question: coming back to the same question is a new visit with a fresh camera. */
interface Visit {
  readonly key: string | null;
}

interface Camera {
  /** The visit this state belongs to: state of an earlier visit is stale and reads as fresh. */
  readonly visit: Visit;
  readonly stream: MediaStream | null;
  readonly failed: boolean;
  readonly shot: CapturedPhoto | null;
  readonly tooLarge: boolean;
}
const fresh = (visit: Visit): Camera => ({ visit, stream: null, failed: false, shot: null, tooLarge: false });

/**
 * Resolves once `el` shows a picture. Right after the stream is attached the
 * video has no frame yet, and drawing it would save a blank photo.
 */
function firstFrame(el: HTMLVideoElement, timeoutMs = 5000): Promise<void> {
  if (el.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && el.videoWidth > 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      el.removeEventListener('loadeddata', onData);
      if (ok) resolve();
      else reject(new Error('no-frame'));
    };
    const onData = () => done(el.videoWidth > 0);
    const timer = setTimeout(() => done(false), timeoutMs);
    el.addEventListener('loadeddata', onData);
  });
}

/** Runs the camera while `target` is set (a photo question is on screen), and stops it when not. */
export function usePhotoCapture(target: PhotoTarget | null, opts: { onUse(photo: CapturedPhoto): void; say(text: string): void }): PhotoCapture {
  const key = target?.key ?? null;
  const visitRef = useRef<Visit>({ key });
  if (visitRef.current.key !== key) visitRef.current = { key };
  const visit = visitRef.current;
  const [state, setState] = useState<Camera>(() => fresh(visit));
  // A new visit starts from nothing on its very first render: an earlier photo is never shown for it.
  const cam = state.visit === visit ? state : fresh(visit);
  const update = useCallback((v: Visit, patch: Partial<Camera>) => setState((s) => ({ ...(s.visit === v ? s : fresh(v)), ...patch })), []);
  const videoEl = useRef<HTMLVideoElement | null>(null);
  const latest = useRef({ target, opts, visit });
  latest.current = { target, opts, visit };
  // Guards against a word and a press arriving together: one picture, one answer per visit.
  const busy = useRef<Visit | null>(null);
  const used = useRef<Visit | null>(null);

  useEffect(() => {
    if (visit.key === null) return;
    let live: MediaStream | null = null;
    let cancelled = false;
    openCamera().then(
      (stream) => {
        if (cancelled) return stream.getTracks().forEach((tr) => tr.stop());
        live = stream;
        update(visit, { stream });
      },
      () => {
        if (cancelled) return;
        update(visit, { failed: true });
        latest.current.opts.say(t.flow.cameraUnavailable);
      },
    );
    return () => {
      cancelled = true;
      live?.getTracks().forEach((tr) => tr.stop());
    };
  }, [visit, update]);

  const { stream, shot } = cam;
  const video = useCallback(
    (el: HTMLVideoElement | null) => {
      videoEl.current = el;
      if (el && stream && el.srcObject !== stream) {
        el.srcObject = stream;
        void el.play().catch(() => {});
      }
    },
    [stream],
  );

  // 拍照 said or pressed while the camera is still starting is kept, not dropped:
  // the prompt that invites it is often still being read when the word comes.
  const pending = useRef<Visit | null>(null);

  const take = useCallback(() => {
    const tg = latest.current.target;
    const el = videoEl.current;
    if (!tg || shot || busy.current === visit) return;
    if (!stream || !el) {
      if (cam.failed || pending.current === visit) return;
      pending.current = visit;
      latest.current.opts.say(t.flow.cameraStarting);
      return;
    }
    busy.current = visit;
    const settle = (patch: Partial<Camera>, say: string) => {
      busy.current = null;
      if (latest.current.visit !== visit) return; // the resident moved on meanwhile
      update(visit, patch);
      latest.current.opts.say(say);
    };
    firstFrame(el)
      .then(() => captureFrame(el, tg.name, tg.maxBytes))
      .then(
        (photo) => settle({ shot: photo, tooLarge: false }, t.flow.photoTaken),
        (e: unknown) => {
          const tooLarge = e instanceof Error && e.message === 'photo-too-large';
          settle({ tooLarge }, tooLarge ? t.flow.photoTooLarge : t.flow.photoFailed);
        },
      );
  }, [visit, stream, shot, cam.failed, update]);

  // The camera came up after 拍照 was asked for: take it now.
  useEffect(() => {
    if (stream && pending.current === visit) {
      pending.current = null;
      take();
    }
  }, [stream, visit, take]);

  const use = useCallback(() => {
    if (!shot || used.current === visit) return;
    used.current = visit;
    latest.current.opts.onUse(shot);
  }, [visit, shot]);

  const retake = useCallback(() => {
    if (!shot || used.current === visit) return;
    update(visit, { shot: null });
    latest.current.opts.say(t.flow.photoAgain);
  }, [visit, shot, update]);

  const phase: PhotoPhase = cam.failed ? 'failed' : shot ? 'shot' : stream ? 'preview' : 'opening';
  return { phase, shot, tooLarge: cam.tooLarge, video, take, use, retake };
}
