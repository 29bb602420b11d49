// The read-back before submitting: every answer in plain words, numbers digit by
// digit, then 对吗？ The resident says 是 to submit or 不是 to fix an answer.
import type { Field } from '../catalogue/schema/fields.js';
import type { ServiceDefinition } from '../catalogue/schema/service.js';
import { isPersonAnswer, type AnswerValue } from './answers.js';
import type { ResidentIdentity } from './identity.js';
import { spellDigits } from './numbers.js';
import type { Plan } from './plan.js';
import type { FeeTotal } from './submission.js';

export interface SummaryItem {
  /** The plan key of the step to go back to for fixing it. */
  readonly key: string;
  readonly label: string;
  /** What the screen shows. */
  readonly display: string;
  /** What is read aloud (digits one by one). */
  readonly spoken: string;
}

export interface Summary {
  /** Who is applying, from the card: shown, and only the name and the last four ID digits read aloud. */
  readonly applicant: { readonly name: string | null; readonly idTail: string };
  readonly items: readonly SummaryItem[];
  readonly fee: FeeTotal | null;
  readonly say: string;
}

/** Display and spoken forms of one answer. */
export function describeAnswer(field: Field, value: AnswerValue): { display: string; spoken: string } {
  switch (field.kind) {
    case 'yes-no':
      return value === true ? { display: '是', spoken: '是' } : { display: '不是', spoken: '不是' };
    case 'choice':
    case 'relationship': {
      const label = field.options.find((o) => o.value === value)?.label ?? String(value);
      return { display: label, spoken: label };
    }
    case 'photo':
      return { display: '已拍照', spoken: '已拍照' };
    case 'amount':
      return { display: `${String(value)} ${field.unit}`, spoken: `${String(value)}${field.unit}` };
    case 'count':
      return { display: `${String(value)} ${field.unit}`, spoken: `${String(value)}${field.unit}` };
    case 'phone':
    case 'bank-account':
      return { display: String(value), spoken: spellDigits(String(value), field.kind === 'phone' ? [3, 4, 4] : [4, 4, 4, 4]) };
    case 'id-number':
      // A family member's number is read in full so the resident can check it; it is theirs to hear.
      return { display: String(value), spoken: spellDigits(String(value), [6, 4, 4, 4]) };
    case 'text':
      return { display: String(value), spoken: String(value) };
    case 'family-card': {
      // The name and the number as the family member's card says (or the specialist keyed them).
      if (!isPersonAnswer(value)) return { display: String(value), spoken: String(value) };
      return { display: `${value.name}（${value.idNumber}）`, spoken: `${value.name}，身份证号${spellDigits(value.idNumber, [6, 4, 4, 4])}` };
    }
  }
}

export function buildSummary(service: ServiceDefinition, identity: ResidentIdentity, plan: Plan, fee: FeeTotal | null): Summary {
  const items: SummaryItem[] = [];
  for (const p of plan.steps) {
    if (p.step.kind !== 'question' || !p.answerKey) continue;
    const value = plan.effective[p.answerKey];
    if (value === undefined) continue;
    const who = p.repeat ? (p.repeat.count === 1 ? p.step.repeat?.single : p.step.repeat?.ordinal.replace('{n}', String(p.repeat.index + 1))) : '';
    const label = `${who ?? ''}${p.step.field.label}`;
    items.push({ key: p.key, label, ...describeAnswer(p.step.field, value) });
  }
  const idTail = identity.idNumber.slice(-4);
  // The full ID number is not read aloud: the kiosk stands in a shared room.
  // Worded as the screen shows it (申请人, 一共要交), so hearing and reading match.
  const intro = `您办的是${service.names.full}。${identity.name ? `申请人${identity.name}，` : ''}身份证尾号${spellDigits(idTail, [4])}。`;
  const body = items.map((i) => `${i.label}：${i.spoken}`).join('。');
  const money = fee ? `${fee.persons}个人，每人${fee.perPersonYuan}元，一共要交${fee.totalYuan}元。` : '';
  const say = `请听一下。${intro}${body ? `${body}。` : ''}${money}对吗？对就说“是”，不对就说“不是”。`;
  return { applicant: { name: identity.name, idTail }, items, fee, say };
}
