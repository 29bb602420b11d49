// The sherpa-onnx N-API addon (npm sherpa-onnx-node + its prebuilt
// sherpa-onnx-linux-x64 / -arm64), typed down to the few calls the spotter uses.
// The package's JS `createStream()` takes no keywords, so streams are made with
// the addon's `createKeywordStream(handle, keywords)` (C
// SherpaOnnxCreateKeywordStreamWithKeywords): one stream per listening session,
// holding that step's keywords.
import { createRequire } from 'node:module';
import { RecognizerError } from '../recognition/recognizer.js';
import type { KwsModelPaths } from './model.js';

export interface SpotterSettings {
  /** Paths the decoder keeps alive while it searches; 8 worked on the dev set. */
  readonly maxActivePaths: number;
  /** Blank frames after the last token before a keyword is reported. */
  readonly numTrailingBlanks: number;
  readonly keywordsScore: number;
  readonly keywordsThreshold: number;
}

export const defaultSpotterSettings: SpotterSettings = { maxActivePaths: 8, numTrailingBlanks: 1, keywordsScore: 1.0, keywordsThreshold: 0.15 };

/** A keyword the spotter reported: its label and the token onset times (s, from the start of the stream). */
export interface RawKeyword {
  readonly keyword: string;
  readonly tokens: readonly string[];
  readonly timestamps: readonly number[];
}

export interface NativeStream {
  acceptWaveform(samples: Float32Array): void;
  inputFinished(): void;
}

export interface NativeSpotter {
  createStream(keywords: string): NativeStream;
  isReady(s: NativeStream): boolean;
  decode(s: NativeStream): void;
  result(s: NativeStream): RawKeyword;
}

interface Addon {
  createKeywordStream(handle: unknown, keywords: string): unknown;
  isKeywordStreamReady(h: unknown, s: unknown): boolean;
  decodeKeywordStream(h: unknown, s: unknown): void;
  getKeywordResultAsJson(h: unknown, s: unknown): string;
}

// The spotter refuses to start without default keywords, and per-stream keywords
// are added to them: so the default is one that no speech can produce.
const NEVER = 'ń ń ń ń ń ń ń ń :1.0 #1.0 @never\n';

export function loadSpotter(model: KwsModelPaths, s: SpotterSettings): NativeSpotter {
  const require = createRequire(import.meta.url);
  let sherpa: { KeywordSpotter: new (c: object) => { handle: unknown } };
  let addon: Addon;
  let OnlineStream: new (h: unknown) => { handle: unknown; acceptWaveform(w: { sampleRate: number; samples: Float32Array }): void; inputFinished(): void };
  try {
    sherpa = require('sherpa-onnx-node');
    addon = require('sherpa-onnx-node/addon.js');
    ({ OnlineStream } = require('sherpa-onnx-node/streaming-asr.js'));
  } catch (e) {
    throw new RecognizerError('library-missing', `Cannot load sherpa-onnx-node: ${(e as Error).message}`);
  }
  let handle: unknown;
  try {
    handle = new sherpa.KeywordSpotter({
      featConfig: { sampleRate: 16000, featureDim: 80 },
      // One thread: two fought each other for the two cores and ran ~5x slower.
      modelConfig: { transducer: { encoder: model.encoder, decoder: model.decoder, joiner: model.joiner }, tokens: model.tokens, numThreads: 1, provider: 'cpu', debug: 0 },
      ...s,
      keywordsBuf: NEVER,
      keywordsBufSize: Buffer.byteLength(NEVER),
    }).handle;
  } catch (e) {
    throw new RecognizerError('model-corrupt', `The keyword spotter could not load its model: ${(e as Error).message}`);
  }
  const streams = new WeakMap<NativeStream, unknown>();
  return {
    createStream(keywords) {
      const native = new OnlineStream(addon.createKeywordStream(handle, keywords));
      const stream: NativeStream = {
        acceptWaveform: (samples) => native.acceptWaveform({ sampleRate: 16000, samples }),
        inputFinished: () => native.inputFinished(),
      };
      streams.set(stream, native.handle);
      return stream;
    },
    isReady: (st) => addon.isKeywordStreamReady(handle, streams.get(st)),
    decode: (st) => addon.decodeKeywordStream(handle, streams.get(st)),
    result: (st) => JSON.parse(addon.getKeywordResultAsJson(handle, streams.get(st))) as RawKeyword,
  };
}
