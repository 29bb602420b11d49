// Which screens a resident sees, in order, given the answers so far. Recomputed
// from the definition and the answers on every transition, so going back and
// changing 为谁办 from 家人 to 自己 simply drops the family questions (and their
// old answers stop counting: only answers of visible steps are "effective").
import type { Prompt, Surface } from '../catalogue/schema/fields.js';
import type { Condition } from '../catalogue/schema/rules.js';
import type { ServiceDefinition } from '../catalogue/schema/service.js';
import type { QuestionStep, Step } from '../catalogue/schema/steps.js';
import type { AnswerValue } from './answers.js';
import { offeredOptions } from './validate.js';

export type Answers = Readonly<Record<string, AnswerValue>>;

export interface RepeatPosition {
  readonly group: string;
  /** 0-based person number within the group. */
  readonly index: number;
  readonly count: number;
}

export interface PlannedStep {
  /** Unique within the plan: the step id, plus #n for repeated steps. */
  readonly key: string;
  readonly step: Step;
  /** Where a question's answer is stored: the field id, or group.n.fieldId for repeated steps. */
  readonly answerKey: string | null;
  readonly repeat: RepeatPosition | null;
  /** The step's prompt with {who} filled in. */
  readonly prompt: Prompt;
}

export interface Plan {
  /** The screens to show, in order. */
  readonly steps: readonly PlannedStep[];
  /** Answers that count: those of visible steps, plus choices with a single option on this surface. */
  readonly effective: Answers;
}

export function answerKeyOf(step: QuestionStep, index?: number): string {
  return step.repeat && index !== undefined ? `${step.repeat.group}.${index}.${step.field.id}` : step.field.id;
}

export function holds(cond: Condition | undefined, answers: Answers): boolean {
  if (!cond) return true;
  const v = answers[cond.field];
  return v !== undefined && typeof v !== 'object' && cond.is.includes(v);
}

function offered(step: Step, surface: Surface): boolean {
  return !step.offeredOn || step.offeredOn.includes(surface);
}

function whoFor(step: QuestionStep, index: number, count: number): string {
  const r = step.repeat;
  if (!r) return '';
  return count === 1 ? r.single : r.ordinal.replace('{n}', String(index + 1));
}

function fill(prompt: Prompt, who: string): Prompt {
  if (!who) return prompt;
  const sub = (s: string) => s.replaceAll('{who}', who);
  return { title: sub(prompt.title), say: sub(prompt.say), ...(prompt.hint ? { hint: sub(prompt.hint) } : {}) };
}

/** A choice left with one option on this surface is answered for the resident, not asked. */
function autoAnswer(step: Step, surface: Surface): string | undefined {
  if (step.kind !== 'question' || (step.field.kind !== 'choice' && step.field.kind !== 'relationship')) return undefined;
  const options = offeredOptions(step.field.options, surface);
  return options.length === 1 ? options[0]?.value : undefined;
}

export function planSteps(service: ServiceDefinition, answers: Answers, surface: Surface): Plan {
  const steps: PlannedStep[] = [];
  const effective: Record<string, AnswerValue> = {};
  const all = service.steps;

  const visit = (step: Step, key: string, answerKey: string | null, repeat: RepeatPosition | null, who: string) => {
    if (!offered(step, surface) || !holds(step.when, effective)) return;
    const auto = autoAnswer(step, surface);
    if (auto !== undefined && answerKey) {
      effective[answerKey] = auto;
      return;
    }
    steps.push({ key, step, answerKey, repeat, prompt: fill(step.prompt, who) });
    const a = answerKey ? answers[answerKey] : undefined;
    if (answerKey && a !== undefined) effective[answerKey] = a;
  };

  for (let i = 0; i < all.length; i++) {
    const step = all[i] as Step;
    if (step.kind !== 'question' || !step.repeat) {
      visit(step, step.id, step.kind === 'question' ? answerKeyOf(step) : null, null, '');
      continue;
    }
    // Gather the consecutive steps of this repeat group, then ask them once per person.
    const group: QuestionStep[] = [];
    const name = step.repeat.group;
    while (i < all.length) {
      const s = all[i] as Step;
      if (s.kind !== 'question' || s.repeat?.group !== name) break;
      group.push(s);
      i++;
    }
    i--;
    const c = effective[step.repeat.countField];
    const count = typeof c === 'number' ? c : 0;
    for (let n = 0; n < count; n++) {
      for (const s of group) visit(s, `${s.id}#${n}`, answerKeyOf(s, n), { group: name, index: n, count }, whoFor(s, n, count));
    }
  }
  return { steps, effective };
}
