// The pinned speech model: every file, its size and sha256, and where upstream
// keeps it. Provisioning refuses anything that does not match, byte for byte.
// Source: cmusphinx/pocketsphinx @ 9e3a5ea6 (2015-01-16), the last commit before
// these files were removed upstream; CMU BSD-style licence (see ../shared PROVENANCE.md).
export interface ModelFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface ModelManifest {
  readonly name: string;
  readonly upstream: {
    readonly repository: string;
    readonly commit: string;
    /** Where each file can be fetched on its own ('' when upstream ships only an archive). */
    readonly rawBase: string;
    /** A .tar.bz2 release asset holding every file under `folder`, pinned by its own sha256. */
    readonly archive?: { readonly url: string; readonly sha256: string; readonly folder: string };
  };
  readonly files: readonly ModelFile[];
}

const COMMIT = '9e3a5ea6444eae9c0bae96ffa0a1fecadc181f1e';

export const pocketSphinxZhManifest: ModelManifest = {
  name: 'pocketsphinx-zh-tdt_sc_8k',
  upstream: {
    repository: 'https://github.com/cmusphinx/pocketsphinx',
    commit: COMMIT,
    rawBase: `https://raw.githubusercontent.com/cmusphinx/pocketsphinx/${COMMIT}/`,
  },
  files: [
    { path: 'model/hmm/zh/tdt_sc_8k/feat.params', bytes: 186, sha256: '4a6d2b73e03ee01fba914c78375ed3730800a65222054b9dee037ae66c2feb04' },
    { path: 'model/hmm/zh/tdt_sc_8k/mdef', bytes: 1400146, sha256: 'ff5c3fca8c64a4951bee20782a9ee2f9660b3272dea14236debff88dd54aa050' },
    { path: 'model/hmm/zh/tdt_sc_8k/means', bytes: 40012, sha256: '2a9b89adab74695318781000f84b5ef519c1c05c4f703dedd21ab289ffaf21b9' },
    { path: 'model/hmm/zh/tdt_sc_8k/noisedict', bytes: 116, sha256: '5fa071647f771803feccbe31dc7fb6d8f2e468f97186792db26dad429e59732f' },
    { path: 'model/hmm/zh/tdt_sc_8k/sendump', bytes: 2001239, sha256: 'd6d2ac84a7aa7c020114267d6fba9df710f6075fbe02ff7ec98e84765fd38779' },
    { path: 'model/hmm/zh/tdt_sc_8k/transition_matrices', bytes: 3424, sha256: '0e697ddb2f1a4204615db1d73bdce5d81f30ce3b8fb55de23a2ced2d20fa2eb4' },
    { path: 'model/hmm/zh/tdt_sc_8k/variances', bytes: 40012, sha256: '50a279dde94da2e742113aae9aed03526dddd66bf48a64bed7579e5092f7b53b' },
    { path: 'model/lm/zh_CN/mandarin_notone.dic', bytes: 2162561, sha256: '35db87512760602b5849dd5e8b34302e5fc56110159a6bca1dd901a4ecc390ef' },
  ],
};
