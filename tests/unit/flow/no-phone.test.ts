// Many elderly residents have no phone: every application's contact number can
// be skipped (by 跳过, or by saying it), the question says so and that the
// village will let them know, and an application without a phone goes through
// the read-back, the submission and the store's submit call like any other.
import { describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../../../common/catalogue/builtin.js';
import { answer, confirm, next, outcome, skip, startFlow, viewOf, type FlowState } from '../../../common/flow/index.js';
import { submitApplicationArgsSchema } from '../../../common/ipc/channels/store.js';
import { toSubmitArgs } from '../../../renderer/src/flow/to-application.js';
import { photo, resident, TODAY } from './fixtures.js';

const catalogue = builtinCatalogue();
const keyOf = (s: FlowState) => {
  const v = viewOf(s);
  return v.kind === 'question' || v.kind === 'info' ? v.key : v.kind;
};

describe('the contact phone number', () => {
  const submitting = catalogue.services.filter((s) => s.action.kind === 'submit');

  it('is asked by every application but 医保缴费, optional, and its words say how to skip it and that the village will notify', () => {
    const phoneQuestions = (id: string) => catalogue.services.find((s) => s.id === id)!.steps.flatMap((s) => (s.kind === 'question' && s.field.kind === 'phone' ? [s] : []));
    const asking = submitting.filter((s) => phoneQuestions(s.id).length > 0).map((s) => s.id);
    expect(asking.sort()).toEqual(['elderly-allowance', 'pension-certification', 'subsistence-allowance']);
    for (const id of asking) {
      const q = phoneQuestions(id);
      expect(q, id).toHaveLength(1);
      expect(q[0]!.field.optional, id).toBe(true);
      for (const words of [q[0]!.prompt.say, q[0]!.prompt.hint ?? '']) {
        expect(words, id).toContain('跳过');
        expect(words, id).toContain('村里会通知您');
      }
      // Both ways to skip: saying it, and the button.
      expect(q[0]!.prompt.say).toMatch(/说“跳过”.*按跳过/);
    }
  });

  it('skipped: not read back, not in the submission, not in the store call — and the call is still valid', () => {
    const service = catalogue.services.find((s) => s.id === 'pension-certification')!;
    let s = next(startFlow({ service, catalogueVersion: catalogue.version, identity: resident('1944-03-15'), surface: 'kiosk', today: TODAY }));
    s = answer(answer(s, 'self'), photo);
    expect(keyOf(s)).toBe('phone');
    const q = viewOf(s);
    expect(q.kind === 'question' && q.canSkip).toBe(true);
    s = skip(s);
    const sum = viewOf(s);
    expect(sum.kind).toBe('summary');
    if (sum.kind !== 'summary') return;
    expect(sum.summary.items.map((i) => i.label)).not.toContain('电话号码');
    expect(sum.say).not.toContain('电话');

    const sub = outcome(confirm(s, true));
    expect(sub?.form).toEqual({ forWhom: 'self', facePhoto: photo });
    const captured = new Map([[photo.ref, { name: '本人照片', mediaType: 'image/jpeg' as const, base64: 'AAAA', sha256: 'a'.repeat(64) }]]);
    const args = toSubmitArgs(sub!, captured, null);
    expect(Object.keys(args.formData).some((k) => k.includes('phone'))).toBe(false);
    expect(submitApplicationArgsSchema.safeParse(args).success).toBe(true);
  });

  it('typed after all: kept, read back digit by digit and submitted, as before', () => {
    const service = catalogue.services.find((s) => s.id === 'elderly-allowance')!;
    let s = next(startFlow({ service, catalogueVersion: catalogue.version, identity: resident('1940-03-15'), surface: 'kiosk', today: TODAY }));
    s = answer(answer(answer(s, false), photo), 'social-security-card');
    expect(keyOf(s)).toBe('phone');
    s = answer(s, '13800138000');
    const sum = viewOf(s);
    expect(sum.kind === 'summary' && sum.say).toContain('电话号码：幺三八，零零幺三，八零零零');
    expect(outcome(confirm(s, true))?.form['phone']).toBe('13800138000');
  });
});
