// Listens to the ID-card reader for the whole app. A card that reads and whose
// number checks out becomes the session's identity; a removed card is noted (the
// inactivity guard then clears sooner); read errors are kept for the screen
// asking for the card to explain in plain words.
import { useEffect, useState } from 'react';
import type { IdCardEventMessage } from '../../../common/ipc/channels/devices.js';
import type { IdCard } from '../../../common/domain/idcard.js';
import type { ResidentIdentity } from '../../../common/flow/identity.js';
import { useApi } from '../api/ApiContext.js';
import { useResidentSession } from '../session/ResidentSession.js';

export function identityFromCard(card: IdCard): ResidentIdentity {
  return { name: card.name, idNumber: card.idNumber, birthDate: card.birthDate, address: card.address || null, source: 'card' };
}

export interface CardReaderState {
  /** Consecutive failed reads since the last good one. */
  failures: number;
  lastError: string | null;
  /** A card was read but its number does not check out (a damaged or forged card). */
  invalidCard: boolean;
  /** Increments on every good read: screens greet on change. */
  reads: number;
}

export function useCardReader(): CardReaderState {
  const api = useApi();
  const { setIdentity, setCardRemoved, identity } = useResidentSession();
  const [state, setState] = useState<CardReaderState>({ failures: 0, lastError: null, invalidCard: false, reads: 0 });

  useEffect(
    () =>
      api.subscribe('idcard:events', {}, (e: IdCardEventMessage) => {
        if (e.type === 'read') {
          if (!e.card.idNumberValid) {
            setState((s) => ({ ...s, invalidCard: true, failures: s.failures + 1 }));
            return;
          }
          setIdentity(identityFromCard(e.card));
          setCardRemoved(false);
          setState((s) => ({ failures: 0, lastError: null, invalidCard: false, reads: s.reads + 1 }));
        } else if (e.type === 'removed') {
          setCardRemoved(true);
        } else if (e.type === 'error') {
          setState((s) => ({ ...s, failures: s.failures + 1, lastError: e.code }));
        }
      }),
    [api, setIdentity, setCardRemoved],
  );

  // A new resident (identity cleared) starts with a clean slate.
  useEffect(() => {
    if (!identity) setState((s) => ({ ...s, failures: 0, lastError: null, invalidCard: false }));
  }, [identity]);

  return state;
}
