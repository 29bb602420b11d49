// Typed store failures. Callers (the station module, the CLI) show `message` to
// the specialist as is, so it is plain words and never carries personal data.
export const storeErrorCodes = [
  'wrong-key', // the file does not decrypt with this key (or is not a database at all)
  'corrupt', // SQLite found damaged pages
  'read-only', // the file or its folder cannot be written
  'disk-full', // no space left (or the size limit reached)
  'too-new', // written by a newer version of the kiosk; refusing to guess
  'busy', // another process held a lock for too long
  'io', // any other I/O failure
  'not-found',
  'invalid', // a request the store refuses (bad transition, hash mismatch)
] as const;
export type StoreErrorCode = (typeof storeErrorCodes)[number];

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }

  /** Errors that mean the store as a whole is unhealthy (vs. one bad request). */
  get isFatal(): boolean {
    return this.code !== 'not-found' && this.code !== 'invalid' && this.code !== 'busy';
  }
}

const plain: Record<Exclude<StoreErrorCode, 'not-found' | 'invalid' | 'too-new'>, string> = {
  'wrong-key': '数据库无法解密：密钥不对或文件已损坏 (database does not decrypt: wrong key or damaged file)',
  corrupt: '数据库文件已损坏 (database file is damaged)',
  'read-only': '数据库只读，无法保存 (database is read-only)',
  'disk-full': '存储空间已满，无法保存 (disk is full)',
  busy: '数据库正忙 (database is locked by another process)',
  io: '数据库读写失败 (database I/O error)',
};

/** Maps a better-sqlite3 error (by its SQLite code) to a StoreError; other errors pass through. */
export function classifySqliteError(e: unknown): unknown {
  if (e instanceof StoreError) return e;
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return e;
  const kind: keyof typeof plain | null = code.startsWith('SQLITE_FULL')
    ? 'disk-full'
    : code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || code === 'SQLITE_CANTOPEN_ISDIR'
      ? 'read-only'
      : code === 'SQLITE_NOTADB'
        ? 'wrong-key'
        : code.startsWith('SQLITE_CORRUPT')
          ? 'corrupt'
          : code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
            ? 'busy'
            : code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')
              ? 'io'
              : null;
  if (!kind) return e;
  return new StoreError(kind, `${plain[kind]} [${code}]`);
}

/** Runs `fn`, rethrowing SQLite failures as StoreErrors. */
export function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw classifySqliteError(e);
  }
}
