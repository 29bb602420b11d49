// The thin koffi binding to Debian's libpocketsphinx.so.3 (0.8+5prealpha). Only
// the calls the recognizer uses are declared; everything else stays in C. Loaded
// lazily so a station without the library still starts (prompts keep working).
import { loadKoffi } from './koffi-lazy.js';

export interface PocketSphinxLib {
  ps_args(): unknown;
  cmd_ln_parse_r(inout: unknown, defn: unknown, argc: number, argv: string[], strict: number): unknown;
  cmd_ln_free_r(cfg: unknown): number;
  ps_init(cfg: unknown): unknown;
  ps_free(ps: unknown): number;
  ps_set_jsgf_string(ps: unknown, name: string, jsgf: string): number;
  ps_set_allphone(ps: unknown, name: string, lm: unknown): number;
  ps_set_search(ps: unknown, name: string): number;
  ps_start_utt(ps: unknown): number;
  ps_process_raw(ps: unknown, data: Int16Array, n: number, noSearch: number, fullUtt: number): number;
  ps_end_utt(ps: unknown): number;
  ps_get_hyp(ps: unknown, outScore: [number]): string | null;
  ps_get_n_frames(ps: unknown): number;
  ps_seg_iter(ps: unknown): unknown;
  ps_seg_next(seg: unknown): unknown;
  ps_seg_word(seg: unknown): string;
  ps_seg_frames(seg: unknown, sf: [number], ef: [number]): void;
  ps_seg_prob(seg: unknown, ascr: [number], lscr: [number], lback: [number]): number;
  ps_seg_free(seg: unknown): void;
  ps_lookup_word(ps: unknown, word: string): string | null;
  ps_add_word(ps: unknown, word: string, phones: string, update: number): number;
  ps_get_feat(ps: unknown): unknown;
  /** From libsphinxbase: the live cepstral mean (13 floats). */
  cmn_live_get(cmn: unknown, out: Float32Array): void;
  cmn_live_set(cmn: unknown, vec: Float32Array): void;
  /** Reads a pointer field of a C struct. */
  readPointer(struct: unknown, offset: number): unknown;
}

export const DEFAULT_LIBRARY = 'libpocketsphinx.so.3';

let cached: { path: string; lib: PocketSphinxLib } | undefined;

/** Loads the library once per process; throws the loader's error if it is absent. */
export function loadPocketSphinx(libraryPath: string = DEFAULT_LIBRARY): PocketSphinxLib {
  if (cached && cached.path === libraryPath) return cached.lib;
  const koffi = loadKoffi();
  const so = koffi.load(libraryPath);
  // libpocketsphinx links libsphinxbase; the feature front end (CMN) lives there.
  const base = koffi.load(libraryPath.replace('libpocketsphinx', 'libsphinxbase'));
  const fn = (sig: string) => so.func(sig) as (...a: unknown[]) => unknown;
  const lib = {
    ps_args: fn('void *ps_args()'),
    cmd_ln_parse_r: fn('void *cmd_ln_parse_r(void *inout, void *defn, int argc, const char **argv, int strict)'),
    cmd_ln_free_r: fn('int cmd_ln_free_r(void *cfg)'),
    ps_init: fn('void *ps_init(void *cfg)'),
    ps_free: fn('int ps_free(void *ps)'),
    ps_set_jsgf_string: fn('int ps_set_jsgf_string(void *ps, const char *name, const char *jsgf)'),
    ps_set_allphone: fn('int ps_set_allphone(void *ps, const char *name, void *lm)'),
    ps_set_search: fn('int ps_set_search(void *ps, const char *name)'),
    ps_start_utt: fn('int ps_start_utt(void *ps)'),
    ps_process_raw: fn('int ps_process_raw(void *ps, const int16_t *data, size_t n, int noSearch, int fullUtt)'),
    ps_end_utt: fn('int ps_end_utt(void *ps)'),
    ps_get_hyp: fn('const char *ps_get_hyp(void *ps, _Out_ int *score)'),
    ps_get_n_frames: fn('int ps_get_n_frames(void *ps)'),
    ps_seg_iter: fn('void *ps_seg_iter(void *ps)'),
    ps_seg_next: fn('void *ps_seg_next(void *seg)'),
    ps_seg_word: fn('const char *ps_seg_word(void *seg)'),
    ps_seg_frames: fn('void ps_seg_frames(void *seg, _Out_ int *sf, _Out_ int *ef)'),
    ps_seg_prob: fn('int ps_seg_prob(void *seg, _Out_ int *ascr, _Out_ int *lscr, _Out_ int *lback)'),
    ps_seg_free: fn('void ps_seg_free(void *seg)'),
    ps_lookup_word: fn('const char *ps_lookup_word(void *ps, const char *word)'),
    ps_add_word: fn('int ps_add_word(void *ps, const char *word, const char *phones, int update)'),
    ps_get_feat: fn('void *ps_get_feat(void *ps)'),
    cmn_live_get: base.func('void cmn_live_get(void *cmn, _Out_ float *vec)'),
    cmn_live_set: base.func('void cmn_live_set(void *cmn, const float *vec)'),
    readPointer: (struct: unknown, offset: number) => koffi.decode(struct, offset, 'void *'),
  } as unknown as PocketSphinxLib;
  cached = { path: libraryPath, lib };
  return lib;
}
