// The demo residents the reference server knows and the simulator's sample cards
// describe the same people: a card's number that has a demo record has it in the
// card's own name (a 参保证明 once came out as 王秀英 for 张秀英's card).
import { describe, expect, it } from 'vitest';
import { sampleCards } from '../../../drivers/idcard/samples.js';
import { demoRecord, demoResidents } from '../../../sync-server/demo-data.js';
import { withNameChecked } from '../../../offline-store/sync/queries.js';

describe('demo data and sample cards', () => {
  it('agree on the name wherever a sample card has a demo record', () => {
    const matched = Object.values(sampleCards).filter((c) => demoResidents.some((r) => r.idNumber === c.idNumber));
    expect(matched.length).toBeGreaterThan(0);
    for (const c of matched) expect(demoResidents.find((r) => r.idNumber === c.idNumber)!.name).toBe(c.name);
  });
});

describe('withNameChecked', () => {
  const record = demoRecord(demoResidents[0]!);
  const answer = { source: 'live' as const, fetchedAt: '2026-12-06T00:00:00.000Z', record };

  it('passes a record in the card name, whatever the spacing or Unicode form', () => {
    expect(withNameChecked(answer, record.name)).toBe(answer);
    expect(withNameChecked(answer, ` ${record.name.split('').join(' ')} `).record).toBe(record);
    expect(withNameChecked(answer, undefined)).toBe(answer); // a keyed number: nothing to compare
  });

  it('withholds a record in another name, and says why', () => {
    expect(withNameChecked(answer, '王秀英')).toEqual({ source: 'live', fetchedAt: answer.fetchedAt, record: null, refused: 'name-mismatch' });
  });
});
