import { describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../../../common/catalogue/builtin.js';
import type { ServiceDefinition } from '../../../common/catalogue/schema/service.js';
import { answer, back, canGoBack, chooseFix, confirm, FlowError, next, outcome, skip, startFlow, viewOf, type FlowState } from '../../../common/flow/index.js';
import { makeIdNumber, photo, resident, TODAY } from './fixtures.js';

const catalogue = builtinCatalogue();
const service = (id: string): ServiceDefinition => {
  const s = catalogue.services.find((x) => x.id === id);
  if (!s) throw new Error(`no ${id}`);
  return s;
};
const start = (id: string, surface: 'kiosk' | 'tv' = 'kiosk', birth = '1944-03-15') =>
  startFlow({ service: service(id), catalogueVersion: catalogue.version, identity: resident(birth), surface, today: TODAY });

const keyOf = (s: FlowState) => {
  const v = viewOf(s);
  return v.kind === 'question' || v.kind === 'info' ? v.key : v.kind;
};

describe('pension certification for oneself at the kiosk', () => {
  it('asks one question per screen, reads back, and produces the submission', () => {
    let s = start('pension-certification');
    expect(viewOf(s).kind).toBe('intro');
    expect(canGoBack(s)).toBe(false);
    s = next(s);
    const first = viewOf(s);
    expect(first.kind).toBe('question');
    if (first.kind !== 'question') return;
    // Only what is known so far counts: 给谁认证, 电话, read-back; the photo step appears once 给自己 is said.
    expect(first.indicator.text).toBe('第 1 步，共 3 步');
    expect(first.options.map((o) => o.value)).toEqual(['self', 'family']);

    s = answer(s, 'self');
    expect(keyOf(s)).toBe('self-face');
    const v2 = viewOf(s);
    expect(v2.kind === 'question' && v2.indicator.text).toBe('第 2 步，共 4 步');
    s = answer(s, photo);
    expect(keyOf(s)).toBe('phone');
    s = answer(s, '一三八 0013 8000');
    const sum = viewOf(s);
    expect(sum.kind).toBe('summary');
    if (sum.kind !== 'summary') return;
    expect(sum.indicator.text).toBe('第 4 步，共 4 步');
    expect(sum.say).toContain('幺三八，零零幺三，八零零零');
    expect(sum.say).toContain('身份证尾号');
    expect(sum.say).not.toContain(resident('1944-03-15').idNumber); // never the full number aloud
    expect(sum.say).toContain('对就说“是”');

    s = confirm(s, true);
    const sub = outcome(s);
    expect(sub).not.toBeNull();
    expect(sub).toMatchObject({
      serviceId: 'pension-certification',
      catalogueVersion: catalogue.version,
      surface: 'kiosk',
      onBehalf: false,
      form: { forWhom: 'self', facePhoto: photo, phone: '13800138000' },
      fee: null,
      completedOn: TODAY,
    });
    expect(sub?.applicant.name).toBe('张秀英');
  });

  it('refuses a wrong phone number in plain words and stays on the question', () => {
    let s = next(start('pension-certification'));
    s = answer(answer(s, 'self'), photo);
    const before = s;
    s = answer(s, '138001380');
    const v = viewOf(s);
    expect(v.kind === 'question' && v.key).toBe('phone');
    expect(v.kind === 'question' && v.error?.message).toBe('手机号码是11位，您输入了9位。请再输一遍。');
    expect(v.kind === 'question' && v.say).toBe('手机号码是11位，您输入了9位。请再输一遍。');
    expect(before.error).toBeNull(); // the old state is untouched
    s = answer(s, '13800138000');
    expect(s.error).toBeNull();
    expect(s.phase).toBe('summary');
  });
});

describe('pension certification for a family member', () => {
  const memberId = makeIdNumber('1938-07-01', '456');

  function toSummary(): FlowState {
    let s = next(start('pension-certification', 'kiosk', '1970-05-05'));
    s = answer(s, 'family');
    expect(keyOf(s)).toBe('relationship');
    s = answer(s, 'parent');
    // The family member comes from their own card (or a specialist keys it): a person, never a typed name.
    expect(keyOf(s)).toBe('member-card');
    s = answer(s, { idNumber: memberId.slice(0, 17) + (memberId.endsWith('0') ? '1' : '0'), name: '李桂兰', source: 'card' }); // wrong check digit
    expect(s.error?.code).toBe('check-digit');
    expect(s.error?.message).toContain('对不上');
    s = answer(s, { idNumber: s.identity.idNumber, name: s.identity.name, source: 'card' });
    expect(s.error).toEqual({ code: 'own-id-number', message: '这是您自己的身份证。请放家人的身份证。' });
    s = answer(s, '李桂兰');
    expect(s.error?.code).toBe('wrong-type');
    s = answer(s, { idNumber: memberId, name: ' 李桂兰 ', source: 'card' });
    s = answer(s, false);
    expect(keyOf(s)).toBe('home-visit');
    s = next(s);
    s = answer(s, '13912345678');
    expect(s.phase).toBe('summary');
    return s;
  }

  it('goes to the home visit when the family member is not present, and reads the member back', () => {
    const s = toSummary();
    const v = viewOf(s);
    expect(v.kind === 'summary' && v.summary.items.map((i) => i.label)).toEqual(['给谁认证', '关系', '家人', '家人在场', '电话号码']);
    expect(v.kind === 'summary' && v.summary.items[2]?.display).toBe(`李桂兰（${memberId}）`);
    expect(outcome(confirm(s, true))?.form).toEqual({
      forWhom: 'family',
      relationship: 'parent',
      member: { idNumber: memberId, name: '李桂兰', source: 'card' },
      memberPresent: false,
      phone: '13912345678',
    });
  });

  it('不是 asks which answer is wrong, fixes it, and returns to the read-back', () => {
    let s = confirm(toSummary(), false);
    expect(s.phase).toBe('choose-fix');
    const v = viewOf(s);
    expect(v.kind === 'choose-fix' && v.say).toContain('哪一项不对');
    s = chooseFix(s, 'phone');
    expect(keyOf(s)).toBe('phone');
    s = answer(s, '13700001111');
    expect(s.phase).toBe('summary');
    expect(outcome(confirm(s, true))?.form['phone']).toBe('13700001111');
  });

  it('fixing an answer that opens the (optional) face check offers it from the read-back', () => {
    let s = chooseFix(confirm(toSummary(), false), 'member-present');
    s = answer(s, true);
    // The face check is optional (no camera: the specialist confirms), so it is not forced in here;
    // 哪一项不对 offers it, and the read-back lists it.
    expect(s.phase).toBe('summary');
    s = chooseFix(confirm(s, false), 'member-face');
    expect(keyOf(s)).toBe('member-face');
    s = answer(s, photo);
    expect(s.phase).toBe('summary');
    const form = outcome(confirm(s, true))?.form;
    expect(form?.['memberFacePhoto']).toEqual(photo);
  });

  it('changing 给家人 to 给自己 drops the family answers from the submission', () => {
    let s = toSummary();
    for (let i = 0; i < 7 && keyOf(s) !== 'for-whom'; i++) s = back(s);
    expect(keyOf(s)).toBe('for-whom');
    s = answer(s, 'self');
    expect(keyOf(s)).toBe('self-face');
    s = answer(s, photo);
    s = next(s); // phone kept from before: 下一步 keeps it
    expect(s.phase).toBe('summary');
    expect(outcome(confirm(s, true))?.form).toEqual({ forWhom: 'self', facePhoto: photo, phone: '13912345678' });
  });
});

describe('pension certification on the TV at home', () => {
  it('offers only 给自己, answers it for the resident and asks for the face check (TV box with a USB camera)', () => {
    let s = next(start('pension-certification', 'tv'));
    expect(keyOf(s)).toBe('self-face');
    const v = viewOf(s);
    expect(v.kind === 'question' && v.field.kind === 'photo' && v.field.subject).toBe('face');
    expect(v.kind === 'question' && v.indicator.text).toBe('第 1 步，共 3 步');
    // No camera, or three failed checks: skipped, and the specialist confirms by phone or visit.
    s = answer(skip(s), '13800138000');
    s = confirm(s, true);
    expect(outcome(s)).toMatchObject({ surface: 'tv', form: { forWhom: 'self', phone: '13800138000' } });
  });

  it('refuses a service not offered on the TV', () => {
    expect(() => start('elderly-allowance', 'tv')).toThrow(FlowError);
  });
});

describe('elderly allowance eligibility', () => {
  it('explains kindly to a 72-year-old when they reach 80, with no way to go on', () => {
    const s = next(start('elderly-allowance', 'kiosk', '1954-06-10'));
    const v = viewOf(s);
    expect(v.kind).toBe('ineligible');
    expect(v.kind === 'ineligible' && v.say).toBe('您今年72岁。高龄津贴是给80岁以上老人的。到2034年6月，您就满80岁了。到时候再来申请。');
    expect(canGoBack(s)).toBe(false);
    expect(back(s)).toBe(s);
    expect(outcome(s)).toBeNull();
  });

  it('counts a birthday today as reached', () => {
    expect(next(start('elderly-allowance', 'kiosk', '1946-11-22')).phase).toBe('step');
    expect(next(start('elderly-allowance', 'kiosk', '1946-11-23')).phase).toBe('ineligible');
  });

  it('stops someone already receiving it, and lets them go back to correct the answer', () => {
    let s = next(start('elderly-allowance', 'kiosk', '1940-01-01'));
    s = answer(s, true);
    expect(s.phase).toBe('ineligible');
    expect(viewOf(s).kind === 'ineligible' && canGoBack(s)).toBe(true);
    s = back(s);
    expect(keyOf(s)).toBe('already');
    s = answer(s, false);
    expect(keyOf(s)).toBe('household-photo');
  });

  it('asks for the bank account only when the money goes to another card', () => {
    let s = answer(answer(next(start('elderly-allowance', 'kiosk', '1940-01-01')), false), photo);
    s = answer(s, 'bank-account');
    expect(keyOf(s)).toBe('bank-account');
    s = answer(s, '6222 0202 0000');
    expect(s.error?.message).toBe('银行卡号是16到19位数字，您输入了12位。请看着卡，再输一遍。');
    s = answer(s, '6222 0202 0000 1234');
    expect(keyOf(s)).toBe('phone');
    s = confirm(answer(s, '13800138000'), true);
    expect(outcome(s)?.form).toMatchObject({ alreadyReceiving: false, payout: 'bank-account', bankAccount: '6222020200001234' });
  });
});

describe('engine guards', () => {
  it('下一步 on an unanswered question says what is missing', () => {
    const s = next(next(start('pension-certification')));
    expect(s.error?.code).toBe('empty');
  });

  it('back from the first question returns to the intro', () => {
    expect(back(next(start('pension-certification'))).phase).toBe('intro');
  });

  it('refuses to skip a required question and to confirm outside the read-back', () => {
    const s = next(start('pension-certification'));
    expect(() => skip(s)).toThrow(FlowError);
    expect(() => confirm(s, true)).toThrow(/phase step/);
  });

  it('a choice not offered on this surface is refused with the offered labels', () => {
    const s = answer(next(start('pension-certification')), 'nobody');
    expect(s.error?.message).toBe('请从这几项里选一个：给自己、给家人。');
  });
});
