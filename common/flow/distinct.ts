// Checks that need the other answers, not just the field: a family member's ID
// number must not be the resident's own, nor a person already listed in the same
// group (paying twice for one person is money a family cannot spare).
import { isPersonAnswer, type AnswerError, type AnswerValue } from './answers.js';
import type { Answers, PlannedStep } from './plan.js';

export function checkDistinct(step: PlannedStep, value: AnswerValue, answers: Answers, residentIdNumber: string): AnswerError | null {
  if (step.step.kind === 'question' && step.step.field.kind === 'family-card' && isPersonAnswer(value) && value.idNumber === residentIdNumber) {
    return { code: 'own-id-number', message: '这是您自己的身份证。请放家人的身份证。' };
  }
  if (step.step.kind !== 'question' || step.step.field.kind !== 'id-number' || !step.step.field.otherPerson) return null;
  if (value === residentIdNumber) return { code: 'own-id-number', message: '这是您自己的身份证号码。请说家人的号码。' };
  const repeat = step.repeat;
  if (!repeat) return null;
  const fieldId = step.step.field.id;
  for (let i = 0; i < repeat.count; i++) {
    if (i !== repeat.index && answers[`${repeat.group}.${i}.${fieldId}`] === value) {
      return { code: 'repeated-person', message: `这个号码前面已经说过了，是第${i + 1}位。请说另一位家人的号码。` };
    }
  }
  return null;
}
