// Every question answered by voice alone: what the recogniser heard → answer().
import { describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../../../common/catalogue/builtin.js';
import { fieldSchema, type Field } from '../../../common/catalogue/schema/fields.js';
import { answer, confirm, next, outcome, startFlow, viewOf } from '../../../common/flow/index.js';
import { answerFromSpeech, matchOption } from '../../../common/flow/spoken-answer.js';
import { makeIdNumber, resident, TODAY } from './fixtures.js';

const f = (raw: unknown): Field => fieldSchema.parse(raw);
const catalogue = builtinCatalogue();
const fieldOf = (serviceId: string, stepId: string): Field => {
  const step = catalogue.services.find((s) => s.id === serviceId)?.steps.find((s) => s.id === stepId);
  if (!step || step.kind !== 'question') throw new Error(stepId);
  return step.field;
};

describe('answerFromSpeech', () => {
  it('hears 是 and 不是 (and 有 / 没有) without mistaking 不是 for 是', () => {
    const yn = f({ id: 'y', kind: 'yes-no', label: '是否' });
    expect(answerFromSpeech(yn, '是的', 'kiosk')).toBe(true);
    expect(answerFromSpeech(yn, '不是', 'kiosk')).toBe(false);
    expect(answerFromSpeech(yn, '没有', 'kiosk')).toBe(false);
    expect(answerFromSpeech(yn, '有一个', 'kiosk')).toBe(true);
    expect(answerFromSpeech(yn, '啊？', 'kiosk')).toBeNull();
  });

  it('picks choices by label, synonym or sound, and only among options offered here', () => {
    const forWhom = fieldOf('pension-certification', 'for-whom');
    expect(answerFromSpeech(forWhom, '给我自己', 'kiosk')).toBe('self');
    expect(answerFromSpeech(forWhom, '给我老伴认证', 'kiosk')).toBe('family');
    expect(answerFromSpeech(forWhom, '给老伴', 'tv')).toBeNull(); // 给家人 is not offered on the TV
    const payMethod = fieldOf('medical-insurance-payment', 'pay-method');
    expect(answerFromSpeech(payMethod, '用微信扫', 'kiosk')).toBe('qr-phone');
    expect(answerFromSpeech(payMethod, '到村位会交', 'kiosk')).toBe('village-office'); // 委 heard as 位
    const rel = fieldOf('medical-insurance-payment', 'member-relationship');
    expect(answerFromSpeech(rel, '是我孙女', 'kiosk')).toBe('grandchild');
    expect(answerFromSpeech(rel, '我儿子', 'kiosk')).toBe('child');
  });

  it('refuses to guess between two options that match equally', () => {
    const field = f({ id: 'c', kind: 'choice', label: '选择', options: [{ value: 'a', label: '养老', voice: [] }, { value: 'b', label: '医疗', voice: [] }] });
    expect(matchOption((field as Extract<Field, { kind: 'choice' }>).options, '养老医疗')).toBeNull();
  });

  it('pulls numbers and digits out of a sentence', () => {
    const count = fieldOf('subsistence-allowance', 'household-size');
    expect(answerFromSpeech(count, '我家一共五口人', 'kiosk')).toBe('五');
    const income = fieldOf('subsistence-allowance', 'monthly-income');
    expect(answerFromSpeech(income, '大概一个月一千五百块钱', 'kiosk')).toBe('一千五百');
    const phone = fieldOf('pension-certification', 'phone');
    expect(answerFromSpeech(phone, '我的电话是幺三八，零零幺三，八零零零', 'kiosk')).toBe('13800138000');
    // A family member is read from their card, never heard: nothing said answers it.
    const member = fieldOf('pension-certification', 'member-card');
    expect(answerFromSpeech(member, '她叫李桂兰', 'kiosk')).toBeNull();
  });

  it('completes a whole flow by voice alone', () => {
    const service = catalogue.services.find((s) => s.id === 'medical-insurance-payment');
    if (!service) throw new Error('missing');
    const spouse = makeIdNumber('1952-01-20', '222');
    let s = next(startFlow({ service, catalogueVersion: catalogue.version, identity: resident('1950-03-15'), surface: 'tv', today: TODAY }));
    for (const said of ['我和老伴一起交', '一位', '我老伴', spouse.split('').join(' '), '手机扫码']) {
      const v = viewOf(s);
      if (v.kind !== 'question') throw new Error(`expected a question, got ${v.kind}`);
      s = answer(s, answerFromSpeech(v.field, said, 'tv'));
      expect(s.error, said).toBeNull();
    }
    expect(viewOf(s).kind).toBe('summary');
    expect(answerFromSpeech(f({ id: 'ok', kind: 'yes-no', label: '对吗' }), '对', 'tv')).toBe(true);
    expect(outcome(confirm(s, true))?.fee?.totalYuan).toBe(800);
  });
});

describe('yes and no', () => {
  const yn = f({ id: 'y', kind: 'yes-no', label: '是否' });
  it('lets the longest word decide', () => {
    expect(answerFromSpeech(yn, '没错', 'kiosk')).toBe(true);
    expect(answerFromSpeech(yn, '不可以', 'kiosk')).toBe(false);
    expect(answerFromSpeech(yn, '不同意', 'kiosk')).toBe(false);
    expect(answerFromSpeech(yn, '对的对的', 'kiosk')).toBe(true);
    expect(answerFromSpeech(yn, '不在家', 'kiosk')).toBe(false);
  });
});
