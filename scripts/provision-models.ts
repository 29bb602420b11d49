// `npm run provision:models`: puts the speech models into models/ — the keyword
// spotter (the default engine) and the PocketSphinx model (still selectable) —
// copied from ../shared/models when it is there, else downloaded from upstream
// (the spotter as its pinned .tar.bz2 release asset), every file's sha256 checked.
// Options: --from DIR (a folder holding the model folders), --dest DIR (likewise),
// --download (ignore the local copies).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { kwsModelManifest } from '../speech/kws/model.js';
import { pocketSphinxZhManifest } from '../speech/models/manifest.js';
import { appModelRoot } from '../speech/models/paths.js';
import { provisionModel, ProvisionError } from '../speech/models/provision.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const shared = process.env.XIANGYIN_SHARED_DIR ?? path.resolve(root, '..', 'shared');
const from = opt('--from') ?? path.join(shared, 'models');
const destRoot = opt('--dest') ?? appModelRoot();

for (const manifest of [kwsModelManifest, pocketSphinxZhManifest]) {
  const dest = path.join(destRoot, manifest.name);
  const localSource = args.includes('--download') ? undefined : path.join(from, manifest.name);
  try {
    const r = await provisionModel({ manifest, dest, localSource, log: (l) => console.log(l) });
    console.log(`${manifest.name}: ${r.source}, ${r.files} files, ${r.bytes} bytes verified in ${dest}`);
  } catch (e) {
    if (!(e instanceof ProvisionError)) throw e;
    console.error(`provision:models failed for ${manifest.name} (${e.code}): ${e.message}`);
    process.exitCode = 1;
  }
}
