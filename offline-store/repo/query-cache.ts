// Answers residents looked up (social-insurance records, 参保证明 data), kept with
// the time they were fetched so an offline kiosk can say "as of …". Keyed by the
// HMAC of the ID number, never the number itself.
import type { RepoContext } from './context.js';

export type QueryKind = 'social-insurance';

export interface CachedAnswer<T> {
  payload: T;
  fetchedAt: string;
}

export class QueryCacheRepo {
  constructor(private readonly c: RepoContext) {}

  put(kind: QueryKind, idNumber: string, payload: unknown, fetchedAt: string): void {
    this.c.guard(() =>
      this.c.db
        .prepare(
          'INSERT INTO query_cache (kind, subject_key, payload_json, fetched_at) VALUES (?, ?, ?, ?) ON CONFLICT(kind, subject_key) DO UPDATE SET payload_json = excluded.payload_json, fetched_at = excluded.fetched_at',
        )
        .run(kind, this.c.subjectKey(idNumber), JSON.stringify(payload), fetchedAt),
    );
  }

  get<T>(kind: QueryKind, idNumber: string): CachedAnswer<T> | null {
    return this.c.guard(() => {
      const r = this.c.db.prepare('SELECT payload_json, fetched_at FROM query_cache WHERE kind = ? AND subject_key = ?').get(kind, this.c.subjectKey(idNumber)) as
        | { payload_json: string; fetched_at: string }
        | undefined;
      return r ? { payload: JSON.parse(r.payload_json) as T, fetchedAt: r.fetched_at } : null;
    });
  }
}
