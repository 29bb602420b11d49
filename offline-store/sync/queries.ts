// Lookups residents make (社保查询, 参保证明): live from the server when the link
// is up, else the cached copy with the time it was fetched. A failed live call
// updates the link status like any other request.
import type { SocialInsuranceRecord } from '../../common/domain/application.js';
import { StoreError } from '../db/errors.js';
import type { OfflineStore } from '../store.js';
import type { SyncClient } from './client.js';
import type { SyncEngine } from './engine.js';
import { SyncError } from './errors.js';

export interface QueryAnswer {
  source: 'live' | 'cache';
  fetchedAt: string;
  record: SocialInsuranceRecord | null;
  refused?: 'name-mismatch';
}

/** Names as printed on a card and in a record: the same person whatever the spacing or Unicode form. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/[\s\u3000·•]/g, '');
  return norm(a) === norm(b);
}

/**
 * A record under the card's number but in another name (a data-entry slip, a
 * reused number) is not this resident's to see or print: it is withheld, and
 * the screen says why. Without a card name (a keyed number) there is nothing to
 * compare.
 */
export function withNameChecked(answer: QueryAnswer, cardName: string | undefined): QueryAnswer {
  if (!cardName || !answer.record || sameName(answer.record.name, cardName)) return answer;
  return { source: answer.source, fetchedAt: answer.fetchedAt, record: null, refused: 'name-mismatch' };
}

export async function querySocialInsurance(store: OfflineStore, client: SyncClient, engine: SyncEngine | null, idNumber: string, now: () => Date): Promise<QueryAnswer> {
  try {
    const answer = await client.querySocialInsurance(idNumber);
    engine?.noteOutcome(null);
    const fetchedAt = now().toISOString();
    store.cache.put('social-insurance', idNumber, answer.record, fetchedAt);
    return { source: 'live', fetchedAt, record: answer.record };
  } catch (e) {
    if (!(e instanceof SyncError)) throw e;
    engine?.noteOutcome(e);
    const cached = store.cache.get<SocialInsuranceRecord | null>('social-insurance', idNumber);
    if (cached) return { source: 'cache', fetchedAt: cached.fetchedAt, record: cached.payload };
    throw new StoreError('not-found', `现在连不上服务器，本机也没有这位居民的记录 (offline and nothing cached: ${e.code})`);
  }
}
