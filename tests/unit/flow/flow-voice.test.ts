// What can be said on each flow screen and what it does, on real views of the
// built-in catalogue walked through the flow engine: the camera's buttons, 跳过 on
// an optional question, and 叫工作人员 where only a helper can answer.
import { describe, expect, it, vi } from 'vitest';
import { builtinCatalogue } from '../../../common/catalogue/builtin.js';
import { answer, next, skip, startFlow, viewOf, type FlowState, type FlowView } from '../../../common/flow/index.js';
import { stepSpecSchema, type SpeechResultEvent, type StepSpecInput } from '../../../common/ipc/channels/speech.js';
import { applyVoice, quantityUnitOf, stepSpecFor, type VoiceContext } from '../../../renderer/src/flow/flow-voice.js';
import type { PhotoPhase } from '../../../renderer/src/flow/usePhotoCapture.js';
import { photo, resident, TODAY } from './fixtures.js';

type Live = Exclude<FlowView, { kind: 'done' }>;
type Question = Extract<Live, { kind: 'question' }>;

const catalogue = builtinCatalogue();
const start = (id: string): FlowState => {
  const service = catalogue.services.find((s) => s.id === id);
  if (!service) throw new Error(id);
  return next(startFlow({ service, catalogueVersion: catalogue.version, identity: resident('1950-03-15'), surface: 'kiosk', today: TODAY }));
};
const question = (s: FlowState, key: string): Question => {
  const v = viewOf(s);
  if (v.kind !== 'question' || v.key !== key) throw new Error(`expected question ${key}, got ${v.kind} ${'key' in v ? v.key : ''}`);
  return v;
};

// 低保: 户口本 (a required photo), 收入证明 (an optional photo), then the phone number (optional too: many have none).
const beforeHousehold = answer(answer(answer(start('subsistence-allowance'), 3), 300), false);
const householdPhoto = question(beforeHousehold, 'household-photo');
const afterHousehold = answer(beforeHousehold, photo);
const incomePhoto = question(afterHousehold, 'income-photo');
const phone = question(skip(afterHousehold), 'phone');
// 养老认证 for a family member: who they are comes from their own card, so nothing said answers it.
const memberCard = question(answer(answer(start('pension-certification'), 'family'), 'spouse'), 'member-card');
const forWhom = question(start('pension-certification'), 'for-whom');
// 低保 asks 一共几口人？ and 一个月收入多少钱？ first: answered as quantities.
const householdSize = question(start('subsistence-allowance'), 'household-size');
const income = question(answer(start('subsistence-allowance'), 3), 'monthly-income');

/** The same question, made optional: catalogues may mark any question so. */
const optional = (q: Question): Question => ({ ...q, canSkip: true, field: { ...q.field, optional: true } });
/** The same question, made required: a catalogue may ask for a phone number it cannot do without. */
const required = (q: Question): Question => ({ ...q, canSkip: false, field: { ...q.field, optional: false } });

function choiceIds(spec: StepSpecInput | null): string[] {
  if (spec?.kind !== 'choice') throw new Error(`not a choice step: ${JSON.stringify(spec)}`);
  return spec.options.map((o) => o.id);
}
const option = (spec: StepSpecInput | null, id: string) => (spec?.kind === 'choice' ? spec.options.find((o) => o.id === id) : undefined);
const said = (spec: StepSpecInput | null, id: string) => {
  const o = option(spec, id);
  return o ? [o.label, ...(o.synonyms ?? [])] : [];
};

describe('stepSpecFor', () => {
  it('a photo preview listens for 拍照 and the ways people say it; a required photo has no 跳过', () => {
    for (const phase of ['preview', 'opening'] as PhotoPhase[]) {
      const spec = stepSpecFor(householdPhoto, null, phase);
      expect(choiceIds(spec)).toEqual(['take-photo']);
      expect(option(spec, 'take-photo')?.label).toBe('拍照');
      expect(said(spec, 'take-photo')).toEqual(expect.arrayContaining(['拍照', '拍吧', '拍', '好了', '准备好了']));
    }
  });

  it('a taken picture listens for 用这张 (可以 / 好 / 是) and 重拍 (再拍一张 / 不行 / 不是)', () => {
    const spec = stepSpecFor(householdPhoto, null, 'shot');
    expect(choiceIds(spec)).toEqual(['use-photo', 'retake-photo']);
    expect(said(spec, 'use-photo')).toEqual(expect.arrayContaining(['用这张', '可以', '好', '是']));
    expect(said(spec, 'retake-photo')).toEqual(expect.arrayContaining(['重拍', '再拍一张', '不行', '不是']));
  });

  it('an optional photo adds 跳过 (不留 / 没有 / 不用) in every phase', () => {
    expect(choiceIds(stepSpecFor(incomePhoto, null, 'preview'))).toEqual(['take-photo', 'skip']);
    expect(choiceIds(stepSpecFor(incomePhoto, null, 'shot'))).toEqual(['use-photo', 'retake-photo', 'skip']);
    expect(choiceIds(stepSpecFor(incomePhoto, null, 'failed'))).toEqual(['help', 'skip']);
    expect(said(stepSpecFor(incomePhoto, null, 'preview'), 'skip')).toEqual(['跳过', '不留', '没有', '不用']);
  });

  it('a camera that will not open, and a family member\'s card, offer 叫工作人员 (the global help intent) instead of silence', () => {
    expect(stepSpecFor(householdPhoto, null, 'failed')).toEqual({ kind: 'choice', options: [{ id: 'help', label: '叫工作人员' }] });
    expect(stepSpecFor(memberCard, null, 'opening')).toEqual({ kind: 'choice', options: [{ id: 'help', label: '叫工作人员' }] });
    expect(choiceIds(stepSpecFor(optional(memberCard), null, 'opening'))).toEqual(['help', 'skip']);
    // And the words read out ask for the family member's card, not for typing.
    expect(memberCard.say).toContain('请把家人的身份证放上来');
    expect(memberCard.say).not.toContain('输入');
  });

  it('a number is digits; an optional one also hears the skip words, a required one does not', () => {
    expect(stepSpecFor(required(phone), null, 'opening')).toEqual({ kind: 'digits', minLength: 7, maxLength: 12 });
    // The built-in phone question is optional, and its words say so.
    expect(phone.canSkip).toBe(true);
    expect(phone.say).toContain('跳过');
    expect(stepSpecFor(phone, null, 'opening')).toEqual({
      kind: 'digits',
      minLength: 7,
      maxLength: 12,
      extra: [{ id: 'skip', label: '跳过', synonyms: ['不留', '没有', '不用'] }],
    });
  });

  it('an optional choice adds 跳过, leaving out skip words an option already uses', () => {
    const q = optional(forWhom);
    expect(choiceIds(stepSpecFor(q, null, 'opening'))).toEqual(['self', 'family', 'skip']);
    const withNone: Question = { ...q, options: [...q.options, { value: 'none', label: '没有', voice: ['不用'] }] };
    expect(said(stepSpecFor(withNone, null, 'opening'), 'skip')).toEqual(['跳过', '不留']);
    expect(choiceIds(stepSpecFor(forWhom, null, 'opening'))).toEqual(['self', 'family']);
  });

  it('哪一项不对 says the numbers in repeated labels, so 第1位… and 第2位… stay two phrases', () => {
    const item = (key: string, label: string) => ({ key, label, display: '', spoken: '' });
    const spec = stepSpecFor({ kind: 'choose-fix', items: [item('a', '第1位家人关系'), item('b', '第2位家人关系'), item('c', '电话号码')], say: '' }, null, 'opening');
    expect(spec?.kind === 'choice' && spec.options.map((o) => o.label)).toEqual(['第一位家人关系', '第二位家人关系', '电话号码']);
  });

  it('a count or a sum is a quantity, said as a number with the words people put after it (五口人, 两千块)', () => {
    expect(stepSpecFor(householdSize, null, 'opening')).toEqual({ kind: 'quantity', max: 12, units: ['口人', '口', '个人', '个', '人'] });
    expect(stepSpecFor(income, null, 'opening')).toEqual({ kind: 'quantity', max: 100_000, units: ['元', '块', '块钱'] });
    expect(stepSpecFor(optional(householdSize), null, 'opening')).toMatchObject({ kind: 'quantity', extra: [{ id: 'skip' }] });
  });

  it('a read-back awaiting 是 / 不是 is a confirm step whatever the question', () => {
    expect(stepSpecFor(phone, '13812345678', 'opening')).toEqual({ kind: 'confirm' });
  });

  it('every step it makes is valid for speech:listen-start', () => {
    const specs = [householdPhoto, incomePhoto, memberCard, phone, required(phone), optional(forWhom), householdSize, income, optional(householdSize)].flatMap((q) =>
      (['opening', 'preview', 'shot', 'failed'] as PhotoPhase[]).map((p) => stepSpecFor(q, null, p)),
    );
    for (const s of specs) expect(stepSpecSchema.parse(s)).toEqual(s);
  });
});

describe('applyVoice', () => {
  function context(pending: string | null = null) {
    const act = { next: vi.fn(), answer: vi.fn(), skip: vi.fn(), back: vi.fn(), confirm: vi.fn(), chooseFix: vi.fn(), home: vi.fn(), photo: vi.fn() };
    const photoControls = { phase: 'preview' as PhotoPhase, take: vi.fn(), use: vi.fn(), retake: vi.fn() };
    const numbers = { setPending: vi.fn(), readBack: vi.fn(), sayAgain: vi.fn() };
    const submitSoon = vi.fn();
    const ctx: VoiceContext = { act, pending, numbers, photo: photoControls, submitSoon };
    const calls = () =>
      Object.fromEntries(
        Object.entries({ ...act, take: photoControls.take, use: photoControls.use, retake: photoControls.retake, setPending: numbers.setPending, sayAgain: numbers.sayAgain, submitSoon })
          .filter(([, f]) => f.mock.calls.length > 0)
          .map(([k, f]) => [k, f.mock.calls]),
      );
    return { ctx, calls };
  }
  const heard = (r: Partial<SpeechResultEvent>): SpeechResultEvent => ({ sessionId: 's1', kind: 'final', text: '', confidence: 0.9, ...r });

  it('是 at the read-back of the whole application opens the window to take it back, it does not submit; 不是 goes to 哪一项不对', () => {
    const summary = { kind: 'summary', summary: { applicant: { name: null, idTail: '0000' }, items: [], fee: null }, say: '' } as unknown as Parameters<typeof applyVoice>[0];
    const yes = context();
    applyVoice(summary, heard({ intent: 'yes' }), yes.ctx);
    expect(yes.calls()).toEqual({ submitSoon: [[]] });
    const no = context();
    applyVoice(summary, heard({ intent: 'no' }), no.ctx);
    expect(no.calls()).toEqual({ confirm: [[false]] });
  });

  it('presses the camera buttons: 拍照 takes, 用这张 uses, 重拍 retakes, and nothing else happens', () => {
    for (const [intent, pressed] of [
      ['take-photo', 'take'],
      ['use-photo', 'use'],
      ['retake-photo', 'retake'],
    ] as const) {
      const { ctx, calls } = context();
      applyVoice(householdPhoto, heard({ intent }), ctx);
      expect(calls()).toEqual({ [pressed]: [[]] });
    }
  });

  it('a count or a sum heard is held for its read-back, as a spoken phone number is, and counts once confirmed', () => {
    const sum = context();
    applyVoice(income, heard({ text: '两千五', digits: '2500' }), sum.ctx);
    expect(sum.calls()).toEqual({ setPending: [['2500']] });
    expect(quantityUnitOf(income)).toBe('元');
    expect(quantityUnitOf(householdSize)).toBe('口人');
    expect(quantityUnitOf(phone)).toBeUndefined();
    const confirmed = context('2500');
    applyVoice(income, heard({ text: '是', intent: 'yes' }), confirmed.ctx);
    expect(confirmed.calls()).toEqual({ setPending: [[null]], answer: [['2500']] });
  });

  it('skips an optional question by voice, as the 跳过 button does, and never a required one', () => {
    for (const q of [incomePhoto, phone, optional(memberCard), optional(forWhom)]) {
      const { ctx, calls } = context();
      applyVoice(q, heard({ intent: 'skip' }), ctx);
      expect(calls(), q.key).toEqual({ skip: [[]] });
    }
    for (const q of [householdPhoto, required(phone)]) {
      const { ctx, calls } = context();
      applyVoice(q, heard({ intent: 'skip' }), ctx);
      expect(calls(), q.key).toEqual({});
    }
  });

  it('an option called skip is answered, not skipped', () => {
    const q = optional(forWhom);
    const withSkipOption: Question = { ...q, options: [...q.options, { value: 'skip', label: '不办了', voice: [] }] };
    expect(choiceIds(stepSpecFor(withSkipOption, null, 'opening'))).toEqual(['self', 'family', 'skip']);
    const { ctx, calls } = context();
    applyVoice(withSkipOption, heard({ intent: 'skip' }), ctx);
    expect(calls()).toEqual({ answer: [['skip']] });
  });

  it('digits on an optional number still go to the read-back', () => {
    const { ctx, calls } = context();
    applyVoice(phone, heard({ digits: '13812345678' }), ctx);
    expect(calls()).toEqual({ setPending: [['13812345678']] });
    expect(ctx.numbers.readBack).toHaveBeenCalledWith('13812345678');
  });

  it('是 at a read-back answers with the number, whatever the question', () => {
    const { ctx, calls } = context('13812345678');
    applyVoice(phone, heard({ intent: 'yes' }), ctx);
    expect(calls()).toEqual({ setPending: [[null]], answer: [['13812345678']] });
  });

  it('不是 said to a read-back drops the number and asks for it again out loud', () => {
    const { ctx, calls } = context('13812345678');
    applyVoice(phone, heard({ intent: 'no' }), ctx);
    expect(calls()).toEqual({ setPending: [[null]], sayAgain: [[]] });
  });
});

describe('confirm screens hear their own button words', () => {
  it('the intro accepts 开始办理 as yes; a read-back question stays a plain confirm', () => {
    const service = catalogue.services.find((s) => s.id === 'pension-certification')!;
    const intro = viewOf(startFlow({ service, catalogueVersion: catalogue.version, identity: resident('1950-03-15'), surface: 'kiosk', today: TODAY }));
    if (intro.kind === 'done') throw new Error('flow ended at once');
    const spec = stepSpecFor(intro, null, 'preview');
    expect(spec).toEqual({ kind: 'confirm', yes: ['开始办理'] });
    expect(stepSpecSchema.safeParse(spec).success).toBe(true);
    expect(stepSpecFor(intro, '13812345678', 'preview')).toEqual({ kind: 'confirm' });
  });
});
