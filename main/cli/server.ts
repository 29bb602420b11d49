// `npx xiangyin server …` — the reference sync server and its operator commands.
//   run [--port N] [--host H] [--server-dir DIR]       serve until SIGINT/SIGTERM
//   register --kiosk ID (--public-key FILE | --this-kiosk)
//   kiosks                                             registered kiosks
//   list [--status accepted|completed|rejected] [--json]
//   complete APP_ID                                    办结: reaches the kiosk by its change feed
//   reject APP_ID --reason TEXT                        退回, with a reason the specialist reads out
//   catalogue VERSION FILE.json                        publish a catalogue version to every kiosk
// The server folder defaults to <data-dir>/sync-server (the embedded server's),
// so these commands act on the server a kiosk started with the embedded default.
import fs from 'node:fs';
import { loadKioskIdentity } from '../../offline-store/sync/identity.js';
import { SyncServer } from '../../sync-server/server.js';
import { cliContext, option } from './store-context.js';

const USAGE = `usage: xiangyin server run [--port N] [--host H] [--server-dir DIR]
       xiangyin server register --kiosk ID (--public-key FILE | --this-kiosk)
       xiangyin server kiosks | list [--status S] [--json]
       xiangyin server complete APP_ID
       xiangyin server reject APP_ID --reason TEXT
       xiangyin server catalogue VERSION FILE.json
  shared: [--config FILE] [--data-dir DIR]`;

export async function run(args: string[]): Promise<number> {
  const ctx = cliContext(args);
  const [cmd, ...rest] = ctx.rest;
  const dir = option(rest, '--server-dir') ?? ctx.paths.serverDir;
  if (cmd === 'run') return serve(dir, rest);
  const known = ['register', 'kiosks', 'list', 'complete', 'reject', 'catalogue'];
  if (!cmd || !known.includes(cmd)) {
    console.error(USAGE);
    return 2;
  }
  const server = new SyncServer({ dataDir: dir, seedDemo: false });
  try {
    switch (cmd) {
      case 'register': {
        const kiosk = option(rest, '--kiosk') ?? (rest.includes('--this-kiosk') ? ctx.config.stationId : undefined);
        const keyFile = option(rest, '--public-key');
        if (!kiosk || (!keyFile && !rest.includes('--this-kiosk'))) break;
        const pem = keyFile ? fs.readFileSync(keyFile === '-' ? 0 : keyFile, 'utf8') : (await loadKioskIdentity(ctx.secrets)).publicKeyPem;
        const r = server.admin.registerKiosk(kiosk, pem);
        console.log(`${r.replaced ? 're-registered' : 'registered'} kiosk ${r.kioskId}, key fingerprint ${r.fingerprint}`);
        // What the kiosk pins: its station config's sync.serverPublicKey.
        console.log(`server key fingerprint ${server.fingerprint}; set the kiosk's sync.serverPublicKey to:\n${server.publicKeyPem.trim()}`);
        return 0;
      }
      case 'kiosks':
        for (const k of server.admin.kiosks()) console.log(`${k.id}\t${k.fingerprint}\t${k.registeredAt}`);
        return 0;
      case 'list': {
        const list = server.admin.applications({ status: option(rest, '--status') });
        if (ctx.json) console.log(JSON.stringify(list));
        else for (const a of list) console.log(`${a.id}\t${a.receiptNumber}\t${a.status}\t${a.kioskId}\t${a.reason ?? ''}`);
        return 0;
      }
      case 'complete':
      case 'reject': {
        const id = rest.find((a) => !a.startsWith('--') && a !== option(rest, '--reason'));
        if (!id) break;
        const a = server.admin.decide(id, cmd === 'complete' ? 'completed' : 'rejected', option(rest, '--reason') ?? null);
        console.log(`${a.id} ${a.receiptNumber}: ${a.status}${a.reason ? ` (${a.reason})` : ''}`);
        return 0;
      }
      case 'catalogue': {
        const [version, file] = rest;
        if (!version || !file) break;
        server.admin.publishCatalogue(version, JSON.parse(fs.readFileSync(file, 'utf8')));
        console.log(`published catalogue ${version}`);
        return 0;
      }
    }
    console.error(USAGE);
    return 2;
  } catch (e) {
    console.error(`server: ${(e as Error).message}`);
    return 1;
  } finally {
    await server.dispose();
  }
}

async function serve(dir: string, rest: string[]): Promise<number> {
  const server = new SyncServer({
    dataDir: dir,
    port: Number(option(rest, '--port') ?? 8740),
    host: option(rest, '--host') ?? '127.0.0.1',
    log: (m, f) => console.error(m, JSON.stringify(f ?? {})),
  });
  const url = await server.start();
  // The one line scripts wait for; keep its shape stable.
  console.log(`SYNC_SERVER_URL=${url}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.dispose();
  return 0;
}
