// A child process for migrate-race.test.ts: once loaded it says READY, then for
// every line `kiosk FILE KEYHEX` or `server DIR KEYHEX` on stdin it opens (creating and
// migrating) that database and answers one line: `OK` or `ERR <name> <code> <message>`.
// A server is opened whole, as `server run` does: schema, then its data key
// (created once, wrapped by the master key) and its signing key.
// The parent sends the same line to two children at once, so both migrate one
// fresh file at the same moment.
import readline from 'node:readline';
import { openEncryptedDatabase } from '../../../offline-store/db/open.js';
import { migrate } from '../../../offline-store/migrations/index.js';
import { SyncServer } from '../../../sync-server/server.js';

async function openOne(line: string): Promise<void> {
  const [kind, target, keyHex] = line.split(' ');
  if (kind === 'kiosk' && target && keyHex) {
    const db = openEncryptedDatabase({ file: target, key: Buffer.from(keyHex, 'hex') });
    try {
      migrate(db);
    } finally {
      db.close();
    }
  } else if (kind === 'server' && target && keyHex) {
    await (await SyncServer.open({ dataDir: target, masterKey: Buffer.from(keyHex, 'hex') })).dispose();
  } else {
    throw new Error(`bad line: ${line}`);
  }
}

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', async (line) => {
  try {
    await openOne(line);
    process.stdout.write('OK\n');
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    process.stdout.write(`ERR ${err.name ?? 'Error'} ${err.code ?? '-'} ${(err.message ?? '').replace(/\n/g, ' ')}\n`);
  }
});
process.stdout.write('READY\n');
