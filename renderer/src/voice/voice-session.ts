// One utterance, driven over the typed API: start a recognition session with the
// step's grammar, stream the microphone to it in order, and settle with the
// station's final or rejected result — whichever comes first of the station's
// end-of-speech detection and the caller's end() (push-to-talk released).
// Framework-free so the React hook stays small and this can be driven by tests.
import type { KioskApi } from '../../../common/ipc/client.js';
import type { SpeechResultEvent, StepSpecInput } from '../../../common/ipc/channels/speech.js';
import { startCapture, type Capture, type CaptureOptions, CaptureError } from './capture.js';
import { pcmToBase64 } from './resampler.js';
import { noteResidentActivity } from '../session/resident-activity.js';

export type VoiceFailure = 'unavailable' | 'no-microphone' | 'permission-denied' | 'unsupported';

export class VoiceError extends Error {
  constructor(
    readonly code: VoiceFailure,
    message: string,
  ) {
    super(message);
    this.name = 'VoiceError';
  }
}

export interface VoiceSessionCallbacks {
  onPartial(r: SpeechResultEvent): void;
  /** The station has heard the resident start speaking (first partial). */
  onSpeech?(): void;
}

/** Only the station loses track of a session; this cap frees the microphone if it does. */
const HARD_CAP_MS = 20_000;

export class VoiceSession {
  private sessionId: string | null = null;
  private capture: Capture | null = null;
  private sending: Promise<unknown> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  private settle!: (r: SpeechResultEvent) => void;
  private settled = false;
  private cap: ReturnType<typeof setTimeout> | null = null;
  /** Resolves once with the final or rejected result. */
  readonly result: Promise<SpeechResultEvent>;

  constructor(
    private readonly api: KioskApi,
    private readonly cb: VoiceSessionCallbacks,
    /** Opens the microphone; tests pass their own. */
    private readonly openMicrophone: (o: CaptureOptions) => Promise<Capture> = startCapture,
  ) {
    this.result = new Promise((r) => (this.settle = r));
  }

  /**
   * Starts listening; throws VoiceError when it cannot (a bad step is a programming error and throws Error).
   * `noSpeechMs`: how long to wait for the resident to start speaking (the station's own wait when absent).
   */
  async start(step: StepSpecInput, opts: { readonly noSpeechMs?: number } = {}): Promise<void> {
    const started = await this.api.call('speech:listen-start', { step, ...opts });
    if (!started.ok) throw started.error.code === 'invalid-args' ? new Error(started.error.message) : new VoiceError('unavailable', started.error.message);
    const sessionId = started.value.sessionId;
    // Cancelled while the station was starting it (a newer press, the screen left):
    // end the station's session and never open the microphone.
    if (this.settled) {
      void this.api.call('speech:listen-cancel', { sessionId });
      return;
    }
    this.sessionId = sessionId;
    let heardSpeech = false;
    this.unsubscribe = this.api.subscribe('speech:results', {}, (r) => {
      if (r.sessionId !== sessionId) return;
      if (r.kind === 'partial') {
        if (!heardSpeech) this.cb.onSpeech?.();
        heardSpeech = true;
        this.cb.onPartial(r);
      } else this.finish(r);
    });
    try {
      const capture = await this.openMicrophone({
        autoGain: started.value.autoGain,
        onChunk: (pcm) => {
          if (this.settled) return;
          // Chunks go one at a time, in order: the recognizer is a stream.
          this.sending = this.sending.then(() => this.api.call('speech:listen-audio', { sessionId, pcmBase64: pcmToBase64(pcm) }));
        },
      });
      // Settled while the microphone was opening: close it now, or it stays open
      // for good (cleanup ran before there was anything to stop) and holds the device.
      if (this.settled) {
        void capture.stop();
        return;
      }
      this.capture = capture;
    } catch (e) {
      void this.api.call('speech:listen-cancel', { sessionId });
      this.cleanup();
      throw e instanceof CaptureError ? new VoiceError(e.code, e.message) : e;
    }
    this.cap = setTimeout(() => void this.end(), HARD_CAP_MS);
  }

  /** Push-to-talk released: send what is left and ask for the answer now. */
  async end(): Promise<SpeechResultEvent> {
    if (!this.settled && this.sessionId) {
      const sessionId = this.sessionId;
      await this.capture?.stop();
      await this.sending;
      const r = await this.api.call('speech:listen-end', { sessionId });
      this.finish(r.ok ? r.value : { sessionId, kind: 'rejected', text: '', confidence: 0, reason: 'cancelled' });
    }
    return this.result;
  }

  /** Drops the utterance, also while it is still starting (start() then undoes what it began). */
  cancel(): void {
    if (this.settled) return;
    const sessionId = this.sessionId;
    if (sessionId) void this.api.call('speech:listen-cancel', { sessionId });
    this.finish({ sessionId: sessionId ?? '', kind: 'rejected', text: '', confidence: 0, reason: 'cancelled' });
  }

  private finish(r: SpeechResultEvent): void {
    if (this.settled) return;
    this.settled = true;
    // Something was said, understood or not: the resident is here (the inactivity guard counts it).
    if (r.text && typeof window !== 'undefined') noteResidentActivity();
    this.cleanup();
    this.settle(r);
  }

  private cleanup(): void {
    if (this.cap) clearTimeout(this.cap);
    this.unsubscribe?.();
    this.unsubscribe = null;
    void this.capture?.stop();
  }
}
