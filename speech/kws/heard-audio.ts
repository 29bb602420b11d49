// What one listening session hears, as the spotter's rules need it: the audio
// brought to one loudness, cut into stretches of speech (speech-stretches.ts),
// each stretch spotted on a fresh stream (SpotStream), and all of it counted for
// voice (VoicingCounter) — the same audio for both, so a keyword's voice is
// looked for where it was spotted. The station's recognizer and `xiangyin speech
// spot` (and so bench:speech) both hear through this, so what is measured is
// what runs.
//
// Why one loudness: both the spotter and the voicing check depend on the level,
// and a kiosk's microphone gives whatever level the resident's voice and distance
// make (the browser's automatic gain is off: it clipped, see capture.ts). On the
// real recordings (`xiangyin speech spot`, ../shared/speech/real-zh-keywords):
//                      as recorded   20 dB quieter   30 dB quieter   12 dB louder, clipped
//   as heard before       0.922          0.786           0.534            0.854
//   brought to 0.5 peak   0.913          0.922           0.884            0.845
// (recall; precision 0.969 → 0.969 as recorded, 0.921 → 0.941 at 20 dB quieter.)
// A target peak of 0.3, 0.7 and 0.9, or lifting only (never lowering), did no better.
// Clipped audio stays clipped: no gain undoes it, which is why the browser must not cause it.
//
// Why stretches: one stream over the whole session lost keywords said after a
// pause (speech-stretches.ts says why). Recall on the same recordings, with
// silence or a quiet room before the words, as a resident who speaks when ready:
//                      as recorded   +0.5 s   +1 s    +2 s    +1 s of room (-65 dBFS)
//   one stream            0.913      0.641    0.301   0.243        0.320
//   a stream a stretch    0.893      0.874    0.874   0.874        0.874
// (precision 0.958-0.968 throughout.) Pre-rolls of 0.1, 0.5 and 0.8 s and gaps of
// 0.3 and 1 s did no better. Espeak's synthetic voices in bench:speech: fixtures
// 0.651 → 0.603, held-out 0.488 → 0.488, held-out 12 dB quieter 0.463 → 0.488,
// no false accepts before or after; the espeak phrases the e2e tests say are
// now heard in every alignment tried, where before some were heard in 2 of 32
// (tests/integration/speech/e2e-phrases.test.ts).
//
// Why two streams a stretch: where the encoder's 0.64 s chunks fall still tips
// a word one way or the other (spot-stream.ts). Each stretch is heard by streams
// with lead-ins of 0.3 and 0.46 s, and their hits pooled:
//                      as recorded       +1 s of room     isolated words    espeak fixtures / held-out
//   one stream         0.893 @ 0.958    0.874 @ 0.968    0.839 @ 0.979     0.603 / 0.488
//   two streams        0.932 @ 0.960    0.913 @ 0.959    0.893 @ 0.980     0.683 / 0.524
// (recall @ precision on the real recordings; accuracy on espeak's.) Still no
// false accept or false confirm in bench:speech, and every real sentence of
// ../shared/speech/real-zh rejected at every step. Leads 0.3 + 0.38, 0.3 + 0.54,
// 0.14 + 0.3 and four streams did no better. It costs CPU only while someone
// speaks: real-time factor about 0.03 → 0.07, within the 0.1 goal.
import { LevelNormalizer, defaultLevelNormalizer, type LevelNormalizerOptions } from '../audio/level-normalizer.js';
import { VoicingCounter } from '../audio/voicing.js';
import { SpeechStretches, defaultStretches, type StretchEvent, type StretchOptions } from './speech-stretches.js';
import type { Hit, SpotStream } from './spot-stream.js';

/** The level the spotter hears speech at (see the table above). */
export const kwsLevel: LevelNormalizerOptions = { ...defaultLevelNormalizer, targetPeak: 0.5 };
/** The lead-ins of the streams that hear each stretch (see the table above): a quarter chunk apart. */
export const KWS_LEADS_S: readonly number[] = [0.3, 0.46];

export class HeardAudio {
  private readonly voicing = new VoicingCounter();
  private readonly level: LevelNormalizer;
  private readonly stretches: SpeechStretches;
  /** The stretch being spotted, and where it started (s from the start of the session). */
  private current: { streams: SpotStream[]; atS: number } | null = null;
  private readonly leadsS: readonly number[];

  /** `open` gives a fresh stream on the session's keywords with that lead-in: `leadsS.length` a stretch. */
  constructor(
    private readonly open: (leadS: number) => SpotStream,
    o: { level?: LevelNormalizerOptions; stretches?: StretchOptions; leadsS?: readonly number[] } = {},
  ) {
    this.level = new LevelNormalizer(o.level ?? kwsLevel);
    this.stretches = new SpeechStretches(o.stretches ?? defaultStretches);
    this.leadsS = o.leadsS ?? KWS_LEADS_S;
  }

  /** The keywords these samples completed (none while the level is still being chosen). */
  accept(pcm: Int16Array): Hit[] {
    return this.level.push(pcm).flatMap((c) => this.hear(c));
  }

  /** The utterance is over: what was still held back, and the keywords said last. */
  finish(): Hit[] {
    const held = this.level.flush().flatMap((c) => this.hear(c));
    return [...held, ...this.stretches.flush().flatMap((e) => this.spot(e))];
  }

  /** Where (10 ms frames from the start) the voice was. */
  get voicedAt(): readonly number[] {
    return this.voicing.voicedAt;
  }

  private hear(pcm: Int16Array): Hit[] {
    this.voicing.push(pcm);
    return this.stretches.push(pcm).flatMap((e) => this.spot(e));
  }

  /**
   * Hits carry their time in the session, not in their stretch's stream. The same keyword found by
   * both streams comes twice, with nearly the same times: hits.ts saidHits counts it once.
   */
  private spot(e: StretchEvent): Hit[] {
    if (e.kind === 'start') {
      this.current = { streams: this.leadsS.map((l) => this.open(l)), atS: e.atS };
      return [];
    }
    const c = this.current;
    if (!c) return [];
    const hits = c.streams.flatMap((st) => (e.kind === 'audio' ? st.accept(e.pcm) : st.finish()));
    if (e.kind === 'end') this.current = null;
    return hits.map((h) => ({ ...h, start: h.start + c.atS, end: h.end + c.atS }));
  }
}
