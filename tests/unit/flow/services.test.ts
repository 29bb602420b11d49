// The other built-in services walked through the engine: repeats and the fee,
// optional photos, and the services that end in a query, a print or the Q&A.
import { describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../../../common/catalogue/builtin.js';
import { answer, back, chooseFix, confirm, next, outcome, skip, startFlow, viewOf, type FlowState } from '../../../common/flow/index.js';
import { makeIdNumber, photo, resident, TODAY } from './fixtures.js';

const catalogue = builtinCatalogue();
const start = (id: string, surface: 'kiosk' | 'tv' = 'kiosk', birth = '1950-03-15') => {
  const service = catalogue.services.find((s) => s.id === id);
  if (!service) throw new Error(id);
  return startFlow({ service, catalogueVersion: catalogue.version, identity: resident(birth), surface, today: TODAY, onBehalf: true });
};
const keyOf = (s: FlowState) => {
  const v = viewOf(s);
  return v.kind === 'question' || v.kind === 'info' ? v.key : v.kind;
};

describe('medical insurance payment', () => {
  const wife = makeIdNumber('1952-01-20', '222');
  const grandson = makeIdNumber('2015-09-09', '333');

  it('asks relationship and ID number once per family member and totals the fee', () => {
    let s = next(start('medical-insurance-payment', 'tv'));
    s = answer(s, 'self-and-family');
    expect(keyOf(s)).toBe('member-count');
    s = answer(s, '两位');
    let v = viewOf(s);
    expect(v.kind === 'question' && v.prompt.title).toBe('第1位家人是谁');
    expect(v.kind === 'question' && v.indicator.text).toBe('第 3 步，共 8 步');
    s = answer(s, 'spouse');
    s = answer(s, wife);
    v = viewOf(s);
    expect(v.kind === 'question' && v.prompt.say).toBe('第2位家人，是您的什么人？');
    s = answer(answer(s, 'grandchild'), wife);
    expect(s.error?.code).toBe('repeated-person');
    expect(s.error?.message).toContain('第1位');
    s = answer(s, resident('1950-03-15').idNumber);
    expect(s.error?.code).toBe('own-id-number');
    s = answer(s, grandson);
    s = answer(s, 'qr-phone');
    const sum = viewOf(s);
    expect(sum.kind).toBe('summary');
    if (sum.kind !== 'summary') return;
    expect(sum.summary.fee).toEqual({ year: 2027, persons: 3, perPersonYuan: 400, totalYuan: 1200 });
    expect(sum.say).toContain('3个人，每人400元，一共要交1200元');
    expect(sum.summary.items.map((i) => i.label)).toContain('第2位家人身份证号');
    const sub = outcome(confirm(s, true));
    expect(sub).toMatchObject({
      onBehalf: true,
      surface: 'tv',
      fee: { totalYuan: 1200 },
      form: {
        payFor: 'self-and-family',
        memberCount: 2,
        members: [
          { relationship: 'spouse', idNumber: wife },
          { relationship: 'grandchild', idNumber: grandson },
        ],
        payMethod: 'qr-phone',
      },
    });
  });

  it('uses 您的家人 for a single member and charges only the family when asked', () => {
    let s = answer(next(start('medical-insurance-payment')), 'family');
    s = answer(s, 1);
    const v = viewOf(s);
    expect(v.kind === 'question' && v.prompt.title).toBe('您的家人是谁');
    s = answer(answer(answer(s, 'child'), grandson), 'village-office');
    expect(outcome(confirm(s, true))?.fee).toEqual({ year: 2027, persons: 1, perPersonYuan: 400, totalYuan: 400 });
  });

  it('lowering the member count drops the extra members', () => {
    let s = answer(next(start('medical-insurance-payment')), 'family');
    s = answer(answer(answer(answer(answer(s, 2), 'spouse'), wife), 'grandchild'), grandson);
    expect(keyOf(s)).toBe('pay-method');
    for (let i = 0; i < 5; i++) s = back(s);
    expect(keyOf(s)).toBe('member-count');
    s = answer(s, 1);
    s = next(next(s)); // relationship and ID number kept for the first member
    s = answer(s, 'qr-phone');
    const sub = outcome(confirm(s, true));
    expect(sub?.form['members']).toEqual([{ relationship: 'spouse', idNumber: wife }]);
    expect(sub?.fee?.persons).toBe(1);
  });
});

describe('subsistence allowance', () => {
  it('takes document photos, lets the income proof be skipped, and records the household', () => {
    let s = next(start('subsistence-allowance'));
    s = answer(s, '四口人');
    s = answer(s, '一千二百');
    s = answer(s, true);
    expect(keyOf(s)).toBe('illness-photo');
    s = answer(answer(s, photo), { ...photo, ref: 'photo:0002' });
    expect(keyOf(s)).toBe('income-photo');
    const v = viewOf(s);
    expect(v.kind === 'question' && v.canSkip).toBe(true);
    s = skip(s);
    s = answer(s, '13800138000');
    const sum = viewOf(s);
    expect(sum.kind === 'summary' && sum.say).toContain('家庭月收入：1200元');
    expect(outcome(confirm(s, true))?.form).toEqual({
      householdSize: 4,
      monthlyIncome: 1200,
      hasIllnessOrDisability: true,
      illnessPhoto: photo,
      householdPhoto: { ...photo, ref: 'photo:0002' },
      phone: '13800138000',
    });
  });
});

describe('query, print and Q&A services end without a read-back', () => {
  it('social insurance query goes straight to done with the query to run', () => {
    const s = answer(next(start('social-insurance-query', 'tv')), 'medical');
    expect(s.phase).toBe('done');
    expect(outcome(s)).toMatchObject({ action: { kind: 'query', query: 'social-insurance-record' }, form: { insurance: 'medical' } });
  });

  it('application status needs nothing but the card', () => {
    const s = next(start('application-status'));
    expect(outcome(s)).toMatchObject({ action: { kind: 'query', query: 'application-status' }, form: {} });
  });

  it('certificate print asks which and how many, counting 1..3', () => {
    let s = answer(next(start('certificate-print')), 'pension');
    const v = viewOf(s);
    expect(v.kind === 'question' && v.indicator.text).toBe('第 2 步，共 2 步');
    s = answer(s, 5);
    expect(s.error?.message).toBe('请说1到3之间的数。');
    s = answer(s, '两份');
    expect(outcome(s)).toMatchObject({ action: { kind: 'print', document: 'insurance-certificate' }, form: { insurance: 'pension', copies: 2 } });
  });

  it('policy Q&A hands over to the knowledge base', () => {
    expect(outcome(next(start('policy-qa', 'tv')))?.action).toEqual({ kind: 'policy-qa' });
  });
});

describe('fixing from the read-back', () => {
  it('does not ask a skipped optional photo again', () => {
    let s = next(start('subsistence-allowance'));
    s = answer(answer(answer(s, 3), 900), false);
    s = skip(answer(s, photo));
    s = answer(s, '13800138000');
    expect(s.phase).toBe('summary');
    s = confirm(s, false);
    expect(s.phase).toBe('choose-fix');
    s = answer(chooseFix(s, 'household-size'), 4); // income-photo after it was skipped: not asked again
    expect(s.phase).toBe('summary');
    expect(outcome(confirm(s, true))?.form['householdSize']).toBe(4);
  });
});
