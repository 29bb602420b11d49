// Listens to the ID-card reader for the whole app. Every card event first ends
// the identity of the resident before (a new card read, a card that fails to
// read or does not check out, the card taken away): the screen never greets, or
// files for, someone whose card is no longer on the reader. A card that reads
// and whose number checks out then becomes the session's identity; a failed
// read is said and shown in plain words.
//
// One exception, asked for explicitly: while a flow waits for a family member's
// card (请把家人的身份证放上来), a screen captures the reader. Its events then go
// to that screen only: the resident's own card may leave the reader and the next
// card read is the family member, not a new resident. Taking away a card that is
// not the resident's (the family member's, after the capture) ends nobody's visit.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { IdCardEventMessage } from '../../../common/ipc/channels/devices.js';
import type { IdCard } from '../../../common/domain/idcard.js';
import type { ResidentIdentity } from '../../../common/flow/identity.js';
import { useApi } from '../api/ApiContext.js';
import { useResidentSession } from '../session/ResidentSession.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { t } from '../i18n/zh-CN.js';

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

const clean: CardReaderState = { failures: 0, lastError: null, invalidCard: false, reads: 0 };

/** What the reader said went wrong, in the words the resident sees and hears. */
export function cardProblem(state: CardReaderState): string | null {
  return state.invalidCard ? t.identity.invalidCard : state.failures > 0 ? t.identity.readFailed : null;
}

/** The card event that ended a held identity: a new card read, the card taken away, or a failed read. */
export type CardEnd = 'read' | 'removed' | 'error';

/** Receives every reader event while a screen waits for a family member's card. */
export type CardCapture = (e: IdCardEventMessage) => void;

/** Starts capturing the reader's events; the function returned ends the capture. */
export type StartCapture = (listener: CardCapture) => () => void;

/**
 * `endIdentity` is the walk-away: it clears the resident's data from the screen
 * and from memory. It is called only while someone's identity is held.
 * `inReader` follows whether a card lies on the reader, so that the end of a
 * visit can ask for it to be taken.
 */
export function useCardReader(endIdentity: (by: CardEnd) => void, inReader?: RefObject<boolean>): { state: CardReaderState; capture: StartCapture } {
  const api = useApi();
  const { speak, stop } = useReadAloud();
  const { setIdentity, setCardRemoved, identity } = useResidentSession();
  const [state, setState] = useState<CardReaderState>(clean);
  // Events arrive outside React's render: the identity they end is the one held now.
  const held = useRef(identity);
  held.current = identity;
  const end = useRef(endIdentity);
  end.current = endIdentity;
  const presence = useRef(inReader);
  presence.current = inReader;
  const capturing = useRef<CardCapture | null>(null);
  // The number of the card lying on the reader ('' for one whose number does not check out, or that
  // could not be read: either way not the resident's, so taking it away ends nobody's visit).
  const onReader = useRef<string | null>(null);
  const capture = useCallback<StartCapture>((listener) => {
    capturing.current = listener;
    return () => {
      if (capturing.current === listener) capturing.current = null;
    };
  }, []);

  useEffect(() => {
    const endHeld = (by: CardEnd, when: (id: ResidentIdentity) => boolean = () => true) => {
      const id = held.current;
      if (!id || !when(id)) return;
      held.current = null;
      end.current(by);
    };
    return api.subscribe('idcard:events', {}, (e: IdCardEventMessage) => {
      // The reader polled without an answer, or unplugged: its health (the status bar shows it), not a
      // card event. It says nothing about who is at the screen or whether their card still lies there.
      // (Unplugged, it can read no card: counted as a failure, so that the card screen says so.)
      if (e.type === 'error' && (e.during === 'poll' || e.code === 'disconnected')) {
        if (e.code !== 'disconnected') return;
        if (presence.current) presence.current.current = false;
        return setState((s) => ({ ...s, failures: s.failures + 1, lastError: e.code }));
      }
      // A failed read is a card on the reader too.
      if (presence.current) presence.current.current = e.type === 'read' || e.type === 'error';
      // A card put down or taken up is the resident acting, as a key press is: what was being said
      // (the last resident's 已清除, a warning) gives way to what this card means.
      stop();
      const wasOnReader = onReader.current;
      if (e.type === 'read') onReader.current = e.card.idNumberValid ? e.card.idNumber : '';
      else if (e.type === 'removed') onReader.current = null;
      else if (e.type === 'error') onReader.current = '';
      if (capturing.current) return capturing.current(e);
      if (e.type === 'read') {
        const same = (id: ResidentIdentity) => id.source === 'card' && id.idNumber === e.card.idNumber && id.name === e.card.name;
        // The same card told again (a resubscription) is not a new resident.
        endHeld('read', (id) => !same(id) || !e.card.idNumberValid);
        if (!e.card.idNumberValid) {
          setState((s) => ({ ...s, invalidCard: true, failures: s.failures + 1 }));
          void speak(t.identity.invalidCard);
          return;
        }
        setIdentity(identityFromCard(e.card));
        setCardRemoved(false);
        setState((s) => ({ failures: 0, lastError: null, invalidCard: false, reads: s.reads + 1 }));
      } else if (e.type === 'removed') {
        // A number keyed by the specialist (the card could not be read) is not this card's to end,
        // nor is the resident's visit a family member's card's (read for them, then taken away).
        endHeld('removed', (id) => id.source === 'card' && (wasOnReader === null || wasOnReader === id.idNumber));
        setCardRemoved(true);
        setState((s) => ({ ...clean, reads: s.reads }));
      } else if (e.type === 'error') {
        endHeld('error');
        setState((s) => ({ ...s, failures: s.failures + 1, lastError: e.code }));
        void speak(t.identity.readFailed);
      }
    });
  }, [api, setIdentity, setCardRemoved, speak, stop]);

  return { state, capture };
}
