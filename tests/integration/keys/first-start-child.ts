// One "first start" of the web host, as far as keys go: waits for the word go on
// stdin (so many start at once), takes the database key from the web host's key
// store, then creates its own database encrypted with the key it was given and
// writes a row. Prints the key it used, in hex. Usage: KEYS_DIR DB_FILE
import crypto from 'node:crypto';
import { keyFileSecretStore } from '../../../main/core/key-file-secrets.js';
import { openEncryptedDatabase } from '../../../offline-store/db/open.js';
import { DATABASE_KEY_NAME } from '../../../offline-store/keys/secret-store.js';

const [keysDir, dbFile] = process.argv.slice(2) as [string, string];
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
const key = await keyFileSecretStore(keysDir).getOrCreate(DATABASE_KEY_NAME, () => {
  // Creating a key takes a moment (entropy, a keyring); hold the window open
  // long enough that every process starting together is inside it.
  const until = Date.now() + 300;
  while (Date.now() < until);
  return crypto.randomBytes(32);
});
const db = openEncryptedDatabase({ file: dbFile, key });
db.exec('CREATE TABLE t (v TEXT)');
db.prepare('INSERT INTO t VALUES (?)').run('written at first start');
db.close();
process.stdout.write(`key=${key.toString('hex')}\n`);
process.stdin.destroy();
