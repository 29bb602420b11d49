// A child process for migrate-race.test.ts: once loaded it says READY, then for
// every line `kiosk FILE KEYHEX` or `server DIR` on stdin it opens (creating and
// migrating) that database and answers one line: `OK` or `ERR <name> <code> <message>`.
// The parent sends the same line to two children at once, so both migrate one
// fresh file at the same moment.
import readline from 'node:readline';
import { openEncryptedDatabase } from '../../../offline-store/db/open.js';
import { migrate } from '../../../offline-store/migrations/index.js';
import { openServerDatabase } from '../../../sync-server/db.js';

function openOne(line: string): void {
  const [kind, target, keyHex] = line.split(' ');
  if (kind === 'kiosk' && target && keyHex) {
    const db = openEncryptedDatabase({ file: target, key: Buffer.from(keyHex, 'hex') });
    try {
      migrate(db);
    } finally {
      db.close();
    }
  } else if (kind === 'server' && target) {
    openServerDatabase(target).close();
  } else {
    throw new Error(`bad line: ${line}`);
  }
}

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  try {
    openOne(line);
    process.stdout.write('OK\n');
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    process.stdout.write(`ERR ${err.name ?? 'Error'} ${err.code ?? '-'} ${(err.message ?? '').replace(/\n/g, ' ')}\n`);
  }
});
process.stdout.write('READY\n');
