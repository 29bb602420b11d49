// Opens the microphone and delivers 16 kHz mono s16 chunks through the AudioWorklet
// in pcm16k-worklet.ts. Of the browser's clean-up, only automatic gain may be on,
// and only when the station's engine asks for it (speech:listen-start).
//  - Echo cancellation off: Chromium's canceller reshaped speech enough that the
//    recognizer heard 医疗保险 as 低保 through it and right without it. The kiosk
//    never listens while it speaks (hands-free listening starts after a prompt
//    has finished; pressing the microphone stops the prompt first).
//  - Automatic gain off for the keyword spotter (the default engine): it clipped.
//    Through the fake microphone it lifted a clip peaking at 0.6 of full scale by
//    about 2.5×, and every captured command had 17-65 clipped samples; the spotter
//    then heard that 只给自己 in 22-31 of 48 alignments, against 48 of 48 as
//    captured without it (a whole-service e2e run failed on it three times running). On the real recordings, clipped 12 dB
//    louder, recall fell from 0.922 to 0.854. Clipping cannot be undone; a quiet
//    voice can: the station brings every utterance to one loudness itself
//    (speech/kws/heard-audio.ts), which at 30 dB quieter keeps recall at 0.884.
//    PocketSphinx asks for it: through the fake microphone, 医疗保险 on the policy
//    screen was heard in 3 of 3 runs with it and 1 of 6 without, and two dialogue
//    e2e files failed without it.
//  - Noise suppression off: it smears the consonants the model tells apart.
// The worklet holds up on a busy machine: a chirp through Chromium's fake
// microphone arrived whole (3.00 s, no gap of 2 ms or more) with both cores held
// by six busy processes and the page's main thread blocked 200 ms in every 300;
// MediaStreamTrackProcessor, captured beside it, did no better (2026-12-07).
// Typed errors: the UI says different things for "no microphone" and "not allowed".
import workletUrl from './pcm16k-worklet.ts?worker&url';
import { TARGET_RATE } from './resampler.js';

export type CaptureErrorCode = 'no-microphone' | 'permission-denied' | 'unsupported';

export class CaptureError extends Error {
  constructor(
    readonly code: CaptureErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CaptureError';
  }
}

export interface Capture {
  /** Sends what is buffered, stops the microphone and releases the audio graph. */
  stop(): Promise<void>;
}

export interface CaptureOptions {
  onChunk(pcm: Int16Array): void;
  /** The browser's automatic gain: what the station's engine asks for (see above). */
  autoGain: boolean;
  /** Chunk length in ms (default 100). */
  chunkMs?: number;
}

const PROCESSOR_NAME = 'xiangyin-pcm16k';

export async function startCapture(o: CaptureOptions): Promise<Capture> {
  if (!navigator.mediaDevices?.getUserMedia || typeof AudioWorkletNode === 'undefined') {
    throw new CaptureError('unsupported', 'This browser cannot capture audio with an AudioWorklet');
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: o.autoGain } });
  } catch (e) {
    const name = (e as DOMException)?.name;
    if (name === 'NotAllowedError' || name === 'SecurityError') throw new CaptureError('permission-denied', 'Microphone access was refused');
    throw new CaptureError('no-microphone', `No microphone: ${name ?? 'unknown error'}`);
  }
  const ctx = new AudioContext();
  try {
    await ctx.audioWorklet.addModule(workletUrl);
    const source = ctx.createMediaStreamSource(stream);
    const node = new AudioWorkletNode(ctx, PROCESSOR_NAME, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      channelCount: 1,
      channelCountMode: 'explicit',
      processorOptions: { chunkSamples: Math.round(((o.chunkMs ?? 100) * TARGET_RATE) / 1000) },
    });
    node.port.onmessage = (e: MessageEvent<Int16Array>) => o.onChunk(e.data);
    // Routed to the speakers through a muted gain: a node nothing pulls from may not be run at all.
    const mute = ctx.createGain();
    mute.gain.value = 0;
    source.connect(node);
    node.connect(mute).connect(ctx.destination);
    let stopped = false;
    return {
      async stop() {
        if (stopped) return;
        stopped = true;
        node.port.postMessage('stop');
        // One audio quantum for the last chunk to arrive before the graph goes away.
        await new Promise((r) => setTimeout(r, 30));
        source.disconnect();
        node.disconnect();
        node.port.onmessage = null;
        stream.getTracks().forEach((t) => t.stop());
        await ctx.close();
      },
    };
  } catch (e) {
    stream.getTracks().forEach((t) => t.stop());
    void ctx.close();
    throw new CaptureError('unsupported', `Audio capture could not start: ${(e as Error).message}`);
  }
}
