// `npm run provision:models`: copies the PocketSphinx Mandarin model from
// ../shared (or downloads it from upstream at the pinned commit) into models/,
// verifying every file's sha256. Options: --from DIR (local copy), --dest DIR,
// --download (ignore the local copy).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pocketSphinxZhManifest } from '../speech/models/manifest.js';
import { defaultPocketSphinxModelDir } from '../speech/models/paths.js';
import { provisionModel, ProvisionError } from '../speech/models/provision.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const shared = process.env.XIANGYIN_SHARED_DIR ?? path.resolve(root, '..', 'shared');
const localSource = args.includes('--download') ? undefined : (opt('--from') ?? path.join(shared, 'models', pocketSphinxZhManifest.name));
const dest = opt('--dest') ?? defaultPocketSphinxModelDir();

try {
  const r = await provisionModel({ manifest: pocketSphinxZhManifest, dest, localSource, log: (l) => console.log(l) });
  console.log(`${pocketSphinxZhManifest.name}: ${r.source}, ${r.files} files, ${r.bytes} bytes verified in ${dest}`);
} catch (e) {
  if (!(e instanceof ProvisionError)) throw e;
  console.error(`provision:models failed (${e.code}): ${e.message}`);
  process.exitCode = 1;
}
