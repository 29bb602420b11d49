// What the resident hears and the receipt says once a submission has left the
// flow: saved for later (offline) or accepted with a receipt number (online),
// then where to take the receipt and what happens next.
import type { ServiceDefinition } from '../catalogue/schema/service.js';
import { spellDigits } from './numbers.js';

export type SubmitResult = { readonly state: 'queued' } | { readonly state: 'accepted'; readonly receipt: string };

export interface AfterSubmitWords {
  /** Read aloud and shown large. */
  readonly say: string;
  /** Printed on the receipt and read after `say`. */
  readonly nextSteps: string;
}

/** Null for services that do not submit (queries, printing, Q&A). */
export function afterSubmit(service: ServiceDefinition, result: SubmitResult): AfterSubmitWords | null {
  const action = service.action;
  if (action.kind !== 'submit') return null;
  if (result.state === 'queued') return { say: action.queuedSay, nextSteps: action.nextSteps };
  // Receipt numbers are read character by character, like a phone number.
  const spoken = /^\d+$/.test(result.receipt) ? spellDigits(result.receipt, [4, 4, 4]) : result.receipt.split('').join(' ');
  return { say: action.acceptedSay.replaceAll('{receipt}', spoken), nextSteps: action.nextSteps };
}
