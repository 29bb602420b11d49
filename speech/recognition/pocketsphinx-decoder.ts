// One PocketSphinx decoder instance: the acoustic model, the dictionary, and the
// grammar searches it has compiled so far (cached by their JSGF text, since the
// kiosk goes back and forth between the same few steps).
import fs from 'node:fs';
import path from 'node:path';
import { loadPocketSphinx, type PocketSphinxLib } from './pocketsphinx-ffi.js';
import { RecognizerError } from './recognizer.js';

export interface ModelPaths {
  readonly hmm: string;
  readonly dict: string;
}

/** The layout the provisioning script produces (and the upstream repository uses). */
export function pocketSphinxModelPaths(modelDir: string): ModelPaths {
  return { hmm: path.join(modelDir, 'model', 'hmm', 'zh', 'tdt_sc_8k'), dict: path.join(modelDir, 'model', 'lm', 'zh_CN', 'mandarin_notone.dic') };
}

const HMM_FILES = ['feat.params', 'mdef', 'means', 'noisedict', 'sendump', 'transition_matrices', 'variances'];

export function checkModelFiles(paths: ModelPaths): void {
  const missing = [...HMM_FILES.map((f) => path.join(paths.hmm, f)), paths.dict].filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    throw new RecognizerError('model-missing', `The speech model is not provisioned (missing ${missing.map((f) => path.basename(f)).join(', ')}); run npm run provision:models`);
  }
  // PocketSphinx calls exit() on a model it cannot parse (E_FATAL), which would
  // take the whole kiosk down: catch the obvious corruptions before it looks.
  const mdef = fs.readFileSync(path.join(paths.hmm, 'mdef')).subarray(0, 4).toString('latin1');
  const empty = [...HMM_FILES.map((f) => path.join(paths.hmm, f)), paths.dict].filter((f) => fs.statSync(f).size === 0);
  if ((mdef !== 'BMDF' && !mdef.startsWith('0.3')) || empty.length > 0) {
    throw new RecognizerError('model-corrupt', `The speech model in ${paths.hmm} is damaged; run npm run provision:models again`);
  }
}

export interface SegmentInfo {
  readonly word: string;
  readonly frames: number;
  readonly ascr: number;
}

export interface Hypothesis {
  readonly text: string;
  readonly score: number;
}

export class PocketSphinxDecoder {
  private readonly lib: PocketSphinxLib;
  private ps: unknown;
  private readonly searches = new Map<string, string>();
  private inUtterance = false;
  /** The live CMN state and its initial mean, when the struct layout checked out (see locateCmn). */
  private cmn: { ptr: unknown; initial: Float32Array } | null = null;

  constructor(paths: ModelPaths, opts: { library?: string; extraArgs?: readonly string[] } = {}) {
    try {
      this.lib = loadPocketSphinx(opts.library);
    } catch (e) {
      throw new RecognizerError('library-missing', `Cannot load ${opts.library ?? 'libpocketsphinx.so.3'} (apt-get install libpocketsphinx3): ${(e as Error).message}`);
    }
    checkModelFiles(paths);
    // -logfn keeps PocketSphinx's chatty stderr out of the kiosk log. -dither adds
    // half a bit of noise: digital silence (exact zeros from a file, a muted
    // browser track) otherwise gives -inf log energies that derail the live CMN;
    // a fixed -seed keeps that noise, and so every result, reproducible.
    // The beams are wider than PocketSphinx's defaults (1e-48, 7e-29, 1e-48): with those,
    // some spoken phrases lost every path through the grammar and came back as no
    // hypothesis at all — "no-speech" for a resident who spoke (到村委会交 in espeak's
    // voice, and whether it did flipped with a 1 dB change in level). Measured on
    // bench:speech: held-out 0.537 → 0.585, -12 dB 0.549 → 0.610, fixtures and false
    // accepts unchanged, real-time factor 0.043 → 0.059.
    const argv = ['-hmm', paths.hmm, '-dict', paths.dict, '-samprate', '16000', '-dither', 'yes', '-seed', '1', '-logfn', '/dev/null', '-beam', '1e-80', '-wbeam', '1e-60', '-pbeam', '1e-80', ...(opts.extraArgs ?? [])];
    const cfg = this.lib.cmd_ln_parse_r(null, this.lib.ps_args(), argv.length, argv, 0);
    if (!cfg) throw new RecognizerError('decoder-failed', 'PocketSphinx rejected its configuration');
    this.ps = this.lib.ps_init(cfg);
    if (!this.ps) throw new RecognizerError('model-corrupt', `PocketSphinx could not load the model in ${paths.hmm}`);
    this.cmn = this.locateCmn(paths);
  }

  /**
   * PocketSphinx carries its running cepstral mean from one utterance into the
   * next. That makes each answer depend on what was said before (the same words
   * scored 0.66, then 0.50), so confidence thresholds mean different things at
   * different times. Each utterance therefore starts from the model's -cmninit.
   * There is no API for it in 0.8+5prealpha: the cmn_t pointer is read from
   * feat_t (offset 88 on x86-64 in Debian's libsphinxbase3) and the layout is
   * checked by reading back the -cmninit values first; if they do not match,
   * the decoder simply keeps PocketSphinx's own behaviour.
   */
  private locateCmn(paths: ModelPaths): { ptr: unknown; initial: Float32Array } | null {
    try {
      const init = /-cmninit\s+(\S+)/.exec(fs.readFileSync(path.join(paths.hmm, 'feat.params'), 'utf8'))?.[1]?.split(',').map(Number);
      if (!init || init.some((x) => !Number.isFinite(x))) return null;
      const feat = this.lib.ps_get_feat(this.ps);
      const ptr = feat ? this.lib.readPointer(feat, 88) : null;
      if (!ptr) return null;
      const initial = new Float32Array(13);
      this.lib.cmn_live_get(ptr, initial);
      return init.every((x, i) => Math.abs(initial[i]! - x) < 1e-4) ? { ptr, initial } : null;
    } catch {
      return null;
    }
  }

  /** True when utterances start from a fresh cepstral mean (see locateCmn). */
  get resetsCmn(): boolean {
    return this.cmn !== null;
  }

  addWord(word: string, phones: string): void {
    if (this.lib.ps_add_word(this.ps, word, phones, 1) < 0) throw new RecognizerError('decoder-failed', `PocketSphinx refused the word ${word}`);
  }

  /** Compiles (once) and selects the grammar; must be called between utterances. */
  useGrammar(jsgf: string): void {
    let name = this.searches.get(jsgf);
    if (!name) {
      name = `g${this.searches.size}`;
      if (this.lib.ps_set_jsgf_string(this.ps, name, jsgf) < 0) throw new RecognizerError('decoder-failed', 'PocketSphinx could not compile the step grammar');
      this.searches.set(jsgf, name);
    }
    if (this.lib.ps_set_search(this.ps, name) < 0) throw new RecognizerError('decoder-failed', 'PocketSphinx could not select the step grammar');
  }

  /**
   * The front end's noise estimate (-remove_noise), unlike the cepstral mean, is
   * left to carry from one utterance to the next, as PocketSphinx means it to
   * within a stream: the room is the same room. Resetting it per utterance
   * (ps_start_stream) was measured on bench:speech: accuracy 0.642 → 0.615 and
   * held-out 0.608 → 0.568 (only −12 dB gained, 0.608 → 0.622), because each
   * utterance then learns the noise afresh from its own short lead-in. The price
   * is that a result depends a little on what came before: the same 嗯 heard
   * twice in a row scored 0.51, then 0.87.
   */
  start(): void {
    if (this.inUtterance) this.lib.ps_end_utt(this.ps);
    if (this.cmn) this.lib.cmn_live_set(this.cmn.ptr, this.cmn.initial);
    if (this.lib.ps_start_utt(this.ps) < 0) throw new RecognizerError('decoder-failed', 'PocketSphinx could not start an utterance');
    this.inUtterance = true;
  }

  process(pcm: Int16Array): void {
    if (pcm.length === 0) return;
    if (this.lib.ps_process_raw(this.ps, pcm, pcm.length, 0, 0) < 0) throw new RecognizerError('decoder-failed', 'PocketSphinx failed to decode audio');
  }

  end(): void {
    if (!this.inUtterance) return;
    this.inUtterance = false;
    this.lib.ps_end_utt(this.ps);
  }

  hypothesis(): Hypothesis | null {
    const score: [number] = [0];
    const text = this.lib.ps_get_hyp(this.ps, score);
    return text ? { text, score: score[0] } : null;
  }

  segments(): SegmentInfo[] {
    const out: SegmentInfo[] = [];
    for (let s = this.lib.ps_seg_iter(this.ps); s; s = this.lib.ps_seg_next(s)) {
      const sf: [number] = [0];
      const ef: [number] = [0];
      const a: [number] = [0];
      const l: [number] = [0];
      const b: [number] = [0];
      this.lib.ps_seg_frames(s, sf, ef);
      this.lib.ps_seg_prob(s, a, l, b);
      out.push({ word: this.lib.ps_seg_word(s), frames: ef[0] - sf[0] + 1, ascr: a[0] });
    }
    return out;
  }

  dispose(): void {
    if (!this.ps) return;
    this.end();
    this.lib.ps_free(this.ps);
    this.ps = null;
  }
}
