// The embedded default: the reference server started inside the kiosk process on
// 127.0.0.1, for development and single-station demos. Its port is remembered
// in the server folder so a restart (and the CLI) finds it at the same address,
// with the server's public key, which the kiosk pins like any other (in-process
// here, from that file for the CLI). Its master key comes from the kiosk's own
// secret store (the OS keyring under Electron, a 0600 key file under the web
// host), as the kiosk's database key does: the server folder alone opens nothing.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { SecretStore } from '../offline-store/keys/secret-store.js';
import { MASTER_KEY_BYTES, SERVER_MASTER_KEY_NAME } from './master-key.js';
import type { RetentionPolicy } from './retention.js';
import { SyncServer } from './server.js';

export interface EmbeddedServerInfo {
  url: string;
  pid: number;
  publicKeyPem: string;
}

const infoFile = (dir: string) => path.join(dir, 'embedded.json');

export function readEmbeddedInfo(dir: string): EmbeddedServerInfo | null {
  try {
    const v = JSON.parse(fs.readFileSync(infoFile(dir), 'utf8')) as EmbeddedServerInfo;
    return typeof v.url === 'string' && typeof v.pid === 'number' && typeof v.publicKeyPem === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** The embedded server's master key, kept in the kiosk's secret store. */
export function embeddedMasterKey(secrets: SecretStore): Promise<Buffer> {
  return secrets.getOrCreate(SERVER_MASTER_KEY_NAME, () => crypto.randomBytes(MASTER_KEY_BYTES));
}

export async function startEmbeddedServer(
  dir: string,
  secrets: SecretStore,
  log?: (msg: string, fields?: Record<string, unknown>) => void,
  retention?: Partial<RetentionPolicy>,
): Promise<SyncServer> {
  const previous = readEmbeddedInfo(dir);
  const port = previous ? Number(new URL(previous.url).port) : 0;
  const masterKey = await embeddedMasterKey(secrets);
  let server = await SyncServer.open({ dataDir: dir, port, log, masterKey, retention });
  try {
    await server.start();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
      await server.dispose();
      throw e;
    }
    // Someone else took the old port: take a new one.
    await server.dispose();
    server = await SyncServer.open({ dataDir: dir, port: 0, log, masterKey, retention });
    await server.start();
  }
  fs.writeFileSync(infoFile(dir), JSON.stringify({ url: server.url, pid: process.pid, publicKeyPem: server.publicKeyPem } satisfies EmbeddedServerInfo));
  return server;
}
