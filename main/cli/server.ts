// `npx xiangyin server …` — the reference sync server and its operator commands.
//   run [--port N] [--host H] [--server-dir DIR | --db postgres://…] [--attachment-days N] [--upload-days N]
//                                                      serve until SIGINT/SIGTERM (any number of
//                                                      instances may run on one --db database)
//   register --kiosk ID (--public-key FILE | --this-kiosk)
//   kiosks                                             registered kiosks
//   list [--status accepted|completed|rejected] [--json]
//   complete APP_ID                                    办结: reaches the kiosk by its change feed
//   reject APP_ID --reason TEXT                        退回, with a reason the specialist reads out
//   face-enrol APP_ID                                  demo residents: the application's face descriptor becomes their demo enrolment
//   face-advice APP_ID [--json]                        the similarity to that enrolment, recorded as advice (the operator decides)
//   catalogue VERSION FILE.json                        publish a catalogue version to every kiosk
//   phones FILE|-                                      record residents' phones on file (the TV's one-time codes go there):
//                                                      one "ID_NUMBER,PHONE" a line (comma, tab or space), sealed at rest;
//                                                      all lines or none; bad lines are named by number, never echoed
//   phones --remove FILE|-                             take phones off file (one ID number a line), with any code in flight
//   purge [--attachment-days N] [--upload-days N]      run retention now
//   new-master-key FILE                                write a fresh master key (0600, never overwrites)
//   rotate-master-key --new-master-key-file FILE       re-wrap the data key with a new master key
// The server folder defaults to <data-dir>/sync-server (the embedded server's),
// so these commands act on the server a kiosk started with the embedded default;
// --db URL (or XIANGYIN_SERVER_DB) names a PostgreSQL database instead, and
// every command acts on it.
// The master key: --master-key-file FILE, else XIANGYIN_SERVER_MASTER_KEY_FILE or
// XIANGYIN_SERVER_MASTER_KEY, else (for the embedded server's folder only) the
// station's key store, where the embedded server keeps it.
import fs from 'node:fs';
import path from 'node:path';
import { loadKioskIdentity } from '../../offline-store/sync/identity.js';
import { embeddedMasterKey } from '../../sync-server/embedded.js';
import { masterKeyFromEnv, MasterKeyError, readMasterKeyFile, writeNewMasterKeyFile } from '../../sync-server/master-key.js';
import { openStorage, SyncServer } from '../../sync-server/server.js';
import { rewrapDataKey } from '../../sync-server/vault.js';
import { PhoneImportError } from '../../sync-server/admin.js';
import { cliContext, option, type CliContext } from './store-context.js';

const USAGE = `usage: xiangyin server run [--port N] [--host H] [--server-dir DIR | --db postgres://…] [--attachment-days N] [--upload-days N]
       xiangyin server register --kiosk ID (--public-key FILE | --this-kiosk)
       xiangyin server kiosks | list [--status S] [--json]
       xiangyin server complete APP_ID
       xiangyin server reject APP_ID --reason TEXT
       xiangyin server face-enrol APP_ID | face-advice APP_ID [--json]
       xiangyin server catalogue VERSION FILE.json
       xiangyin server phones FILE|-   (one "ID_NUMBER,PHONE" a line; - reads stdin)
       xiangyin server phones --remove FILE|-   (one ID number a line)
       xiangyin server purge [--attachment-days N] [--upload-days N]
       xiangyin server new-master-key FILE
       xiangyin server rotate-master-key --new-master-key-file FILE
  shared: [--config FILE] [--data-dir DIR] [--server-dir DIR | --db postgres://…] [--master-key-file FILE]`;

/** Where the server keeps its data: a PostgreSQL database, or a SQLite folder. */
interface Where {
  dir: string;
  database?: string;
}

/** Where this server's master key comes from (see the header). */
async function masterKeyFor(ctx: CliContext, where: Where, rest: string[]): Promise<{ key: Buffer; source: 'file' | 'env' | 'station' }> {
  const file = option(rest, '--master-key-file');
  if (file) return { key: readMasterKeyFile(file), source: 'file' };
  const fromEnv = masterKeyFromEnv(process.env);
  if (fromEnv) return { key: fromEnv, source: 'env' };
  if (!where.database && path.resolve(where.dir) === path.resolve(ctx.paths.serverDir)) return { key: await embeddedMasterKey(ctx.secrets), source: 'station' };
  throw new MasterKeyError('missing', `no master key for the server in ${where.database ? 'that database' : where.dir}: pass --master-key-file FILE or set XIANGYIN_SERVER_MASTER_KEY_FILE (make one with \`npx xiangyin server new-master-key FILE\`)`);
}

export async function run(args: string[]): Promise<number> {
  const ctx = cliContext(args);
  const [cmd, ...rest] = ctx.rest;
  const database = option(rest, '--db') ?? (process.env.XIANGYIN_SERVER_DB || undefined);
  if (database !== undefined && !/^postgres(ql)?:\/\//.test(database)) {
    console.error('server: --db takes a PostgreSQL URL, postgres://USER@HOST:PORT/DATABASE (a unix socket: postgres://USER@/DATABASE?host=/run/postgresql)');
    return 2;
  }
  const where: Where = { dir: option(rest, '--server-dir') ?? ctx.paths.serverDir, database };
  const known = ['run', 'register', 'kiosks', 'list', 'complete', 'reject', 'face-enrol', 'face-advice', 'catalogue', 'phones', 'purge', 'new-master-key', 'rotate-master-key'];
  if (!cmd || !known.includes(cmd)) {
    console.error(USAGE);
    return 2;
  }
  try {
    if (cmd === 'new-master-key') {
      const file = rest.find((a) => !a.startsWith('--'));
      if (!file) return usage();
      writeNewMasterKeyFile(file);
      console.log(`wrote a new master key to ${file} (mode 600); keep a copy apart from the server's database and its backups`);
      return 0;
    }
    const master = await masterKeyFor(ctx, where, rest);
    if (cmd === 'rotate-master-key') return await rotate(where, master, rest);
    if (cmd === 'run') return await serve(where, rest, master.key);
    return await operate(cmd, where, rest, master.key, ctx);
  } catch (e) {
    console.error(`server: ${(e as Error).message}`);
    return 1;
  }
}

function usage(): number {
  console.error(USAGE);
  return 2;
}

/**
 * Key rotation: the data key re-wrapped by the new master key, in one
 * transaction; nothing else is rewritten, and servers already running keep
 * working (they hold the data key). Start them next with the new key.
 */
async function rotate(where: Where, master: { key: Buffer; source: string }, rest: string[]): Promise<number> {
  const next = option(rest, '--new-master-key-file');
  if (!next) return usage();
  if (master.source === 'station') {
    throw new MasterKeyError('missing', "the embedded server's master key lives in the station's key store; rotate a standalone server's key: pass --master-key-file OLD (or the environment) and --new-master-key-file NEW");
  }
  const storage = await openStorage({ dataDir: where.dir, database: where.database });
  try {
    await rewrapDataKey(storage, master.key, readMasterKeyFile(next), () => new Date());
  } finally {
    await storage.close();
  }
  console.log(`data key re-wrapped with the master key in ${next}; start the server with --master-key-file ${next} from now on, and destroy the old key once every backup you keep was taken after this rotation`);
  return 0;
}

async function operate(cmd: string, where: Where, rest: string[], masterKey: Buffer, ctx: CliContext): Promise<number> {
  const server = await SyncServer.open({ dataDir: where.dir, database: where.database, seedDemo: false, masterKey, retention: retentionOptions(rest) });
  try {
    switch (cmd) {
      case 'register': {
        const kiosk = option(rest, '--kiosk') ?? (rest.includes('--this-kiosk') ? ctx.config.stationId : undefined);
        const keyFile = option(rest, '--public-key');
        if (!kiosk || (!keyFile && !rest.includes('--this-kiosk'))) break;
        const pem = keyFile ? fs.readFileSync(keyFile === '-' ? 0 : keyFile, 'utf8') : (await loadKioskIdentity(ctx.secrets)).publicKeyPem;
        const r = await server.admin.registerKiosk(kiosk, pem);
        console.log(`${r.replaced ? 're-registered' : 'registered'} kiosk ${r.kioskId}, key fingerprint ${r.fingerprint}`);
        // What the kiosk pins: its station config's sync.serverPublicKey.
        console.log(`server key fingerprint ${server.fingerprint}; set the kiosk's sync.serverPublicKey to:\n${server.publicKeyPem.trim()}`);
        return 0;
      }
      case 'kiosks':
        for (const k of await server.admin.kiosks()) console.log(`${k.id}\t${k.fingerprint}\t${k.registeredAt}`);
        return 0;
      case 'list': {
        const list = await server.admin.applications({ status: option(rest, '--status') });
        if (ctx.json) console.log(JSON.stringify(list));
        else for (const a of list) console.log(`${a.id}\t${a.receiptNumber}\t${a.status}\t${a.kioskId}\t${a.reason ?? ''}`);
        return 0;
      }
      case 'complete':
      case 'reject': {
        const id = rest.find((a) => !a.startsWith('--') && a !== option(rest, '--reason'));
        if (!id) break;
        const a = await server.admin.decide(id, cmd === 'complete' ? 'completed' : 'rejected', option(rest, '--reason') ?? null);
        console.log(`${a.id} ${a.receiptNumber}: ${a.status}${a.reason ? ` (${a.reason})` : ''}`);
        return 0;
      }
      case 'face-enrol': {
        const id = rest.find((a) => !a.startsWith('--'));
        if (!id) break;
        const r = await server.face.enrol(id);
        console.log(`demo face enrolment of ${r.idNumberMasked} taken from ${id}`);
        return 0;
      }
      case 'face-advice': {
        const id = rest.find((a) => !a.startsWith('--'));
        if (!id) break;
        const r = await server.face.advise(id);
        if (ctx.json) console.log(JSON.stringify(r));
        else
          console.log(
            r.similarity === null
              ? `${id} ${r.idNumberMasked}: no demo enrolment to compare with (\`server face-enrol APP_ID\` takes one)`
              : `${id} ${r.idNumberMasked}: similarity ${r.similarity.toFixed(2)} to the demo enrolment — advice only; decide with \`server complete\` or \`server reject\``,
          );
        return 0;
      }
      case 'catalogue': {
        const [version, file] = rest;
        if (!version || !file) break;
        await server.admin.publishCatalogue(version, JSON.parse(fs.readFileSync(file, 'utf8')));
        console.log(`published catalogue ${version}`);
        return 0;
      }
      case 'phones': {
        const file = rest.find((a) => !a.startsWith('--'));
        if (!file) break;
        const text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
        try {
          if (rest.includes('--remove')) {
            const ids = parseIdLines(text);
            const r = await server.admin.removePhones(ids);
            console.log(`phones on file: ${r.removed} removed (${ids.length} line(s) read)`);
            return 0;
          }
          const rows = parsePhoneLines(text);
          const r = await server.admin.recordPhones(rows);
          console.log(`phones on file: ${r.added} added, ${r.replaced} replaced (${rows.length} line(s) read)`);
          return 0;
        } catch (e) {
          if (e instanceof PhoneImportError) {
            console.error(e.message);
            return 1;
          }
          throw e;
        }
      }
      case 'purge': {
        const r = await server.purge();
        if (ctx.json) console.log(JSON.stringify(r));
        else console.log(`purged the attachments of ${r.applications} finished application(s) (${r.attachments} file(s)), ${r.abandonedUploads} abandoned upload(s), ${r.strayFiles} stray file(s)`);
        return 0;
      }
    }
    return usage();
  } finally {
    await server.dispose();
  }
}

/** "ID_NUMBER,PHONE" lines (comma, tab or spaces between); blank lines and # comments skipped. */
/** One ID number a line (blank lines and # comments skipped), for `phones --remove`. */
export function parseIdLines(text: string): { line: number; idNumber: string }[] {
  return parsePhoneLines(text).map((r) => ({ line: r.line, idNumber: r.phone ? '' : r.idNumber }));
}

export function parsePhoneLines(text: string): { line: number; idNumber: string; phone: string }[] {
  const out: { line: number; idNumber: string; phone: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const l = raw.trim();
    if (!l || l.startsWith('#')) return;
    const [idNumber = '', phone = '', ...extra] = l.split(/[,\t ]+/);
    out.push({ line: i + 1, idNumber: extra.length ? '' : idNumber.toUpperCase(), phone });
  });
  return out;
}

function retentionOptions(rest: string[]): { attachmentDays?: number; abandonedUploadDays?: number } {
  const days = (name: string) => {
    const v = option(rest, name);
    if (v === undefined) return undefined;
    if (!/^\d{1,5}$/.test(v)) throw new RangeError(`${name} takes a whole number of days`);
    return Number(v);
  };
  const r: { attachmentDays?: number; abandonedUploadDays?: number } = {};
  const a = days('--attachment-days');
  const u = days('--upload-days');
  if (a !== undefined) r.attachmentDays = a;
  if (u !== undefined) r.abandonedUploadDays = u;
  return r;
}

async function serve(where: Where, rest: string[], masterKey: Buffer): Promise<number> {
  const server = await SyncServer.open({
    dataDir: where.dir,
    database: where.database,
    port: Number(option(rest, '--port') ?? 8740),
    host: option(rest, '--host') ?? '127.0.0.1',
    log: (m: string, f?: Record<string, unknown>) => console.error(m, JSON.stringify(f ?? {})),
    masterKey,
    retention: retentionOptions(rest),
  });
  const url = await server.start();
  if (server.smsKind === 'simulated') console.error('one-time codes: the SMS gateway is simulated (development only): texts go to the outbox, not to phones');
  // The one line scripts wait for; keep its shape stable.
  console.log(`SYNC_SERVER_URL=${url}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.dispose();
  return 0;
}
