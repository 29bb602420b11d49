// Where the store's small secrets (the database key, the kiosk's signing key) are
// kept. The store only needs this shape; the host decides the mechanism: a 0600
// key file under the web host, Electron safeStorage in the kiosk shell, memory in
// tests. Structurally the same as `SecretStore` in main/core/platform.ts.
export interface SecretStore {
  readonly kind: 'electron-safe-storage' | 'key-file' | 'memory';
  /** Returns the secret named `name`, creating it with `create()` the first time. */
  getOrCreate(name: string, create: () => Buffer): Promise<Buffer>;
}

export const DATABASE_KEY_NAME = 'store-database-key';
export const SIGNING_KEY_NAME = 'sync-signing-key';

export function memorySecretStore(): SecretStore {
  const map = new Map<string, Buffer>();
  return {
    kind: 'memory',
    async getOrCreate(name, create) {
      let v = map.get(name);
      if (!v) map.set(name, (v = create()));
      return Buffer.from(v);
    },
  };
}

/** Secret names become file names: keep them to a safe alphabet. */
export function assertSecretName(name: string): void {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(name)) throw new Error(`bad secret name ${JSON.stringify(name)}`);
}
