// One stretch of speech through the spotter: 16 kHz PCM in, keyword hits out,
// each with its place in the stretch.
//
// A lead-in of silence goes first: the encoder needs context before a word, and
// real isolated words that began at the first sample were missed (dev set recall
// 0.87 with none, 0.90 with 0.3 s). Where the streaming encoder's 0.64 s chunks
// fall matters to this model: shifting the same audio turned some misses into
// hits and some hits into misses. So each stretch is heard by two streams whose
// lead-ins differ (heard-audio.ts, KWS_LEADS_S), and their hits are pooled.
//
// The streams are not reset after a hit, as sherpa-onnx's examples do: a reset
// drops the encoder's context, and a keyword starting soon after one was missed
// (股市 then 震荡 then 环境 in one real sentence: the third was lost with resets).
// Without a reset the timestamps stay absolute and a keyword is reported once.
import type { NativeSpotter, NativeStream } from './addon.js';
import type { KeywordEntry, KeywordSet } from './keyword-lines.js';

export interface Hit {
  readonly entry: KeywordEntry;
  /** Seconds from the start of the utterance. */
  readonly start: number;
  readonly end: number;
}

/** The spotter emits a token's time at its onset; the last syllable lasts about this long after it. */
const LAST_TOKEN_S = 0.2;
/** Silence fed at the end so the spotter's trailing-blank rule can close a keyword said last. */
const TAIL_S = 0.3;

export class SpotStream {
  private readonly native: NativeStream;
  private fed = 0;
  private finished = false;

  constructor(
    private readonly spotter: NativeSpotter,
    private readonly set: KeywordSet,
    /** Silence before the first sample (see above): heard-audio.ts gives each stream its own. */
    private readonly leadS: number,
  ) {
    this.native = spotter.createStream(set.text);
    this.native.acceptWaveform(new Float32Array(Math.round(leadS * 16000)));
  }

  /** Seconds of audio heard so far. */
  get seconds(): number {
    return this.fed / 16000;
  }

  accept(pcm: Int16Array): Hit[] {
    if (this.finished || pcm.length === 0) return [];
    const f = new Float32Array(pcm.length);
    for (let i = 0; i < pcm.length; i++) f[i] = pcm[i]! / 32768;
    this.native.acceptWaveform(f);
    this.fed += pcm.length;
    return this.drain();
  }

  /** Ends the utterance and returns the hits its last moments held. */
  finish(): Hit[] {
    if (this.finished) return [];
    this.finished = true;
    this.native.acceptWaveform(new Float32Array(Math.round(TAIL_S * 16000)));
    this.native.inputFinished();
    return this.drain();
  }

  private drain(): Hit[] {
    const hits: Hit[] = [];
    while (this.spotter.isReady(this.native)) {
      this.spotter.decode(this.native);
      const r = this.spotter.result(this.native);
      if (!r.keyword) continue;
      const entry = this.set.entries[Number(r.keyword)];
      const ts = r.timestamps;
      if (entry && ts.length > 0) hits.push({ entry, start: ts[0]! - this.leadS, end: ts[ts.length - 1]! - this.leadS + LAST_TOKEN_S });
    }
    return hits;
  }
}
