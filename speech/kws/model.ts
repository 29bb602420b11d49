// The keyword spotter's model: k2-fsa's streaming Zipformer2 transducer trained on
// WenetSpeech (10,000 h of real Mandarin), the -mobile int8 build. Every file is
// pinned by size and sha256; upstream ships it as one .tar.bz2 release asset whose
// own sha256 is pinned too (see ../shared/models/…/PROVENANCE.md for where each
// hash comes from). Licence: Apache-2.0.
import path from 'node:path';
import type { ModelManifest } from '../models/manifest.js';
import { appModelRoot } from '../models/paths.js';

export const KWS_MODEL_NAME = 'sherpa-onnx-kws-zipformer-wenetspeech-3.3M-2024-01-01-mobile';

export const kwsModelManifest: ModelManifest = {
  name: KWS_MODEL_NAME,
  upstream: {
    repository: 'https://github.com/k2-fsa/sherpa-onnx',
    commit: 'kws-models',
    rawBase: '',
    archive: {
      url: `https://github.com/k2-fsa/sherpa-onnx/releases/download/kws-models/${KWS_MODEL_NAME}.tar.bz2`,
      sha256: 'b812a043aef628a6915f89cb9a94e55f8e87e89ff904b516f822d7e0a3e6de2b',
      /** The archive holds one folder named like the model; files are taken from inside it. */
      folder: KWS_MODEL_NAME,
    },
  },
  files: [
    { path: 'encoder-epoch-12-avg-2-chunk-16-left-64.int8.onnx', bytes: 3990821, sha256: '4ded45b30961270f2a9a64bede4569b324c36d4f3a772c1b35bb70a244150675' },
    { path: 'decoder-epoch-12-avg-2-chunk-16-left-64.onnx', bytes: 675349, sha256: 'fb581d6734511676e246e0dff2fea01b31b0913176cb3ca64576dbab0a177774' },
    { path: 'joiner-epoch-12-avg-2-chunk-16-left-64.int8.onnx', bytes: 65242, sha256: 'f79760052b87239e325f0567c752ad3130b30d92effb847d4307743c20c59a24' },
    { path: 'tokens.txt', bytes: 1627, sha256: '72316508d9119696145abc6f1f8cdc46287535c34e5ce7e595f845cb1499cf2e' },
  ],
};

export interface KwsModelPaths {
  readonly encoder: string;
  readonly decoder: string;
  readonly joiner: string;
  readonly tokens: string;
}

export function kwsModelPaths(dir: string): KwsModelPaths {
  const [encoder, decoder, joiner, tokens] = kwsModelManifest.files.map((f) => path.join(dir, f.path)) as [string, string, string, string];
  return { encoder, decoder, joiner, tokens };
}

export function defaultKwsModelDir(): string {
  return path.join(appModelRoot(), KWS_MODEL_NAME);
}
