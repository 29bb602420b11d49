// Several copies: one job each, stop at the first failure and say how many came out.
import { describe, expect, it } from 'vitest';
import { MAX_COPIES, printCopies, type PrintOne } from '../../../renderer/src/services/queries/print-copies.js';

function printer(results: Awaited<ReturnType<PrintOne>>[]): PrintOne & { calls: number } {
  const fn = Object.assign(async () => results[fn.calls++] ?? { printed: true as const }, { calls: 0 });
  return fn;
}

describe('printCopies', () => {
  it('prints each copy as its own job', async () => {
    const p = printer([]);
    expect(await printCopies(p, 3)).toEqual({ printed: 3 });
    expect(p.calls).toBe(3);
  });

  it('stops at the first failure and says how many came out', async () => {
    const p = printer([{ printed: true }, { printed: false, reason: 'paper-out' }]);
    expect(await printCopies(p, 3)).toEqual({ printed: 1, failure: 'paper-out' });
    expect(p.calls).toBe(2);
  });

  it('keeps the count within what the catalogue allows', async () => {
    const many = printer([]);
    expect(await printCopies(many, 10)).toEqual({ printed: MAX_COPIES });
    const none = printer([]);
    expect(await printCopies(none, 0)).toEqual({ printed: 1 });
  });
});
