// Printing several copies of one document: one print job per copy (each cut
// separately, so each can be handed over), stopping at the first failure so
// the resident is told how many came out and 再打印一次 prints only the rest.
import type { PrintFailureReason } from '../../../../common/domain/receipt.js';

export type CopyFailure = PrintFailureReason | 'unavailable' | 'error';
export type PrintOne = () => Promise<{ printed: true } | { printed: false; reason: CopyFailure }>;

export interface CopiesOutcome {
  readonly printed: number;
  /** Why the next copy did not print; absent when all did. */
  readonly failure?: CopyFailure;
}

/** The copies the catalogue's 份数 field allows (1 to 3). */
export const MAX_COPIES = 3;

export async function printCopies(printOne: PrintOne, copies: number): Promise<CopiesOutcome> {
  const wanted = Math.max(1, Math.min(MAX_COPIES, Math.floor(copies)));
  for (let printed = 0; printed < wanted; printed++) {
    const r = await printOne();
    if (!r.printed) return { printed, failure: r.reason };
  }
  return { printed: wanted };
}
