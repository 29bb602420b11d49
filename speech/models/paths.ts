// Where provisioned models live: <app>/models/, next to package.json (git-ignored).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const POCKETSPHINX_MODEL_NAME = 'pocketsphinx-zh-tdt_sc_8k';

export function appModelRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'models');
}

export function defaultPocketSphinxModelDir(): string {
  return path.join(appModelRoot(), POCKETSPHINX_MODEL_NAME);
}
