// Looks up a resident's social-insurance record: live when the link is up, the
// kiosk's saved copy (with its date) when not. Shared by 社保查询 and 证明打印.
import { useCallback, useEffect, useState } from 'react';
import type { ResultOf } from '../../../../common/ipc/contract.js';
import type { IpcError } from '../../../../common/ipc/result.js';
import { useApi } from '../../api/ApiContext.js';

export type SocialInsuranceAnswer = ResultOf<'store:query-social-insurance'>;

export type Lookup =
  | { state: 'loading' }
  | { state: 'found'; answer: SocialInsuranceAnswer & { record: NonNullable<SocialInsuranceAnswer['record']> } }
  /** The server knows no record for this number, or its record is in another name than the card's (answer.refused). */
  | { state: 'none'; answer: SocialInsuranceAnswer }
  /** Offline with nothing saved ('not-found'), or the store failed. */
  | { state: 'failed'; error: IpcError };

/** `name` is the name on the card (null for a keyed number): a record in another name is refused by the station. */
export function useSocialInsurance(idNumber: string, name: string | null): { lookup: Lookup; retry(): void } {
  const api = useApi();
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setLookup({ state: 'loading' });
    void api.call('store:query-social-insurance', { idNumber, ...(name ? { name } : {}) }).then((r) => {
      if (!live) return;
      if (!r.ok) setLookup({ state: 'failed', error: r.error });
      else if (r.value.record) setLookup({ state: 'found', answer: { ...r.value, record: r.value.record } });
      else setLookup({ state: 'none', answer: r.value });
    });
    return () => {
      live = false;
    };
  }, [api, idNumber, name, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { lookup, retry };
}
