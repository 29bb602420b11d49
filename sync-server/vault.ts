// Personal data on the server is sealed by the application before SQLite or the
// file system sees it: AES-256-GCM with a random 96-bit nonce per record and
// associated data naming the record (table and row id, or an attachment and the
// chunk's offset), so a sealed value copied onto another row does not open.
// One random data key seals everything; it is stored only wrapped (sealed the
// same way) by the master key (master-key.ts). Rotating the master key re-wraps
// the data key and touches nothing else.
//
// Sealed value: version byte 1 | nonce (12) | tag (16) | ciphertext.
import crypto from 'node:crypto';
import { MASTER_KEY_BYTES, MasterKeyError } from './master-key.js';
import type { ServerStorage } from './storage/storage.js';

const VERSION = 1;
const NONCE = 12;
const TAG = 16;
const DATA_KEY_AD = 'xiangyin sync-server data key v1';

/** The associated data of each sealed value: what row it belongs to. */
export const applicationAd = (id: string) => `applications:${id}`;
export const residentAd = (idKey: string) => `residents:${idKey}`;
export const phoneAd = (idKey: string) => `resident_phones:${idKey}`;
export const SERVER_KEY_AD = 'server_identity:1';

/** A sealed value that does not open: damaged, moved to another row, or sealed with another key. */
export class SealedDataError extends Error {
  override readonly name = 'SealedDataError';
}

export function seal(key: Buffer, plain: Buffer, ad: string): Buffer {
  const nonce = crypto.randomBytes(NONCE);
  const c = crypto.createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(Buffer.from(ad, 'utf8'));
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([Buffer.of(VERSION), nonce, c.getAuthTag(), ct]);
}

export function unseal(key: Buffer, sealed: Buffer, ad: string): Buffer {
  if (sealed.length < 1 + NONCE + TAG || sealed[0] !== VERSION) throw new SealedDataError(`sealed value for ${ad} is damaged`);
  const d = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + NONCE));
  d.setAAD(Buffer.from(ad, 'utf8'));
  d.setAuthTag(sealed.subarray(1 + NONCE, 1 + NONCE + TAG));
  try {
    return Buffer.concat([d.update(sealed.subarray(1 + NONCE + TAG)), d.final()]);
  } catch {
    throw new SealedDataError(`sealed value for ${ad} does not open: damaged, moved from another row, or sealed with another key`);
  }
}

export class Vault {
  private readonly indexKey: Buffer;
  private readonly codeKey: Buffer;

  constructor(private readonly dataKey: Buffer) {
    this.indexKey = Buffer.from(crypto.hkdfSync('sha256', dataKey, Buffer.alloc(0), 'xiangyin residents index v1', 32));
    this.codeKey = Buffer.from(crypto.hkdfSync('sha256', dataKey, Buffer.alloc(0), 'xiangyin one-time codes v1', 32));
  }

  seal(plain: Buffer | string, ad: string): Buffer {
    return seal(this.dataKey, typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain, ad);
  }

  open(sealed: Buffer, ad: string): Buffer {
    return unseal(this.dataKey, sealed, ad);
  }

  openText(sealed: Buffer, ad: string): string {
    return this.open(sealed, ad).toString('utf8');
  }

  /**
   * The key a resident's record is found by: a keyed hash of the ID number (a
   * plain hash of 18 digits with a known structure would be reversed in minutes).
   */
  residentKey(idNumber: string): string {
    return crypto.createHmac('sha256', this.indexKey).update(idNumber.trim().toUpperCase()).digest('hex');
  }

  /**
   * What a one-time code is stored as: a keyed hash bound to the resident and the
   * box it was sent for. Six digits hashed plainly would be reversed in a
   * millisecond; under a key only the server holds (derived from the data key,
   * itself kept only wrapped) the stored value says nothing of the code.
   */
  codeMac(idKey: string, kioskId: string, code: string): string {
    return crypto.createHmac('sha256', this.codeKey).update(`${idKey}\n${kioskId}\n${code}`).digest('hex');
  }
}

function checkMasterKey(masterKey: Buffer): void {
  if (masterKey.length !== MASTER_KEY_BYTES) throw new MasterKeyError('malformed', `a master key is ${MASTER_KEY_BYTES} bytes, not ${masterKey.length}`);
}

function unwrap(masterKey: Buffer, wrapped: Buffer): Buffer {
  try {
    return unseal(masterKey, wrapped, DATA_KEY_AD);
  } catch {
    throw new MasterKeyError('wrong-master-key', "this master key does not unwrap the server's data key: it is not the key this database was created or last rotated with");
  }
}

/**
 * The vault for this database: its data key unwrapped with the master key,
 * created (inside one transaction, so two servers starting at once agree on
 * one key) the first time.
 */
export async function unlockVault(storage: ServerStorage, masterKey: Buffer, now: () => Date): Promise<Vault> {
  checkMasterKey(masterKey);
  const wrapped = await storage.wrappedDataKey(() => seal(masterKey, crypto.randomBytes(32), DATA_KEY_AD), now().toISOString());
  return new Vault(unwrap(masterKey, wrapped));
}

/** Key rotation: the data key re-wrapped by a new master key. Sealed data stays as it is. */
export async function rewrapDataKey(storage: ServerStorage, oldMasterKey: Buffer, newMasterKey: Buffer, now: () => Date): Promise<void> {
  checkMasterKey(oldMasterKey);
  checkMasterKey(newMasterKey);
  await storage.rewrapDataKey((wrapped) => {
    if (!wrapped) throw new MasterKeyError('missing', 'this server has no data key yet: start it once with its master key first');
    return seal(newMasterKey, unwrap(oldMasterKey, wrapped), DATA_KEY_AD);
  }, now().toISOString());
}
