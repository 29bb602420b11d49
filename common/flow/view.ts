// What the screen shows and says for a flow state: derived data only, so every
// surface (touch, remote, voice) renders the same thing. The renderer draws a
// FlowView and reads its `say` aloud; it never inspects the definition itself.
import type { ChoiceOption, Field, Prompt } from '../catalogue/schema/fields.js';
import type { RequiredDocument } from '../catalogue/schema/service.js';
import type { AnswerError, AnswerValue } from './answers.js';
import { currentAnswer, currentPlan, currentStep } from './engine.js';
import type { RepeatPosition } from './plan.js';
import type { FlowState } from './state.js';
import { computeFee, buildForm, type Submission } from './submission.js';
import { buildSummary, type Summary, type SummaryItem } from './summary.js';
import { offeredOptions } from './validate.js';

/** 第 2 步，共 4 步: the read-back counts as the last step. */
export interface StepIndicator {
  readonly current: number;
  readonly total: number;
  readonly text: string;
}

export type FlowView =
  | { readonly kind: 'intro'; readonly prompt: Prompt; readonly documents: readonly RequiredDocument[]; readonly say: string }
  | {
      readonly kind: 'question';
      readonly key: string;
      readonly prompt: Prompt;
      /** The field, with choice options narrowed to those offered on this surface. */
      readonly field: Field;
      readonly options: readonly ChoiceOption[];
      readonly value: AnswerValue | undefined;
      readonly error: AnswerError | null;
      readonly repeat: RepeatPosition | null;
      readonly canSkip: boolean;
      readonly indicator: StepIndicator;
      readonly say: string;
    }
  | { readonly kind: 'info'; readonly key: string; readonly prompt: Prompt; readonly indicator: StepIndicator; readonly say: string }
  | { readonly kind: 'ineligible'; readonly title: string; readonly say: string; readonly canGoBack: boolean }
  | { readonly kind: 'summary'; readonly summary: Summary; readonly indicator: StepIndicator; readonly say: string }
  | { readonly kind: 'choose-fix'; readonly items: readonly SummaryItem[]; readonly say: string }
  | { readonly kind: 'done'; readonly submission: Submission };

function indicator(current: number, total: number): StepIndicator {
  return { current, total, text: `第 ${current} 步，共 ${total} 步` };
}

export function stepIndicator(state: FlowState): StepIndicator | null {
  const plan = currentPlan(state);
  const total = plan.steps.length + (state.service.confirm ? 1 : 0);
  if (state.phase === 'summary') return indicator(total, total);
  if (state.phase !== 'step') return null;
  return indicator(plan.steps.findIndex((s) => s.key === state.current) + 1, total);
}

export function summaryOf(state: FlowState): Summary {
  const plan = currentPlan(state);
  return buildSummary(state.service, state.identity, plan, computeFee(state.service, plan));
}

/** The submission of a finished flow, or null before phase 'done'. */
export function outcome(state: FlowState): Submission | null {
  if (state.phase !== 'done') return null;
  const plan = currentPlan(state);
  return {
    serviceId: state.service.id,
    catalogueVersion: state.catalogueVersion,
    action: state.service.action,
    surface: state.surface,
    onBehalf: state.onBehalf,
    applicant: state.identity,
    form: buildForm(plan),
    fee: computeFee(state.service, plan),
    completedOn: state.today,
  };
}

const INTRO_HOW_TO_START = '准备好了，就说“可以”，或者按“开始办理”。';

export function viewOf(state: FlowState): FlowView {
  const s = state.service;
  switch (state.phase) {
    case 'intro': {
      const bring = s.documents.length ? `请准备好：${s.documents.map((d) => d.name).join('、')}。` : '';
      // Says how to begin: a resident who cannot read the 开始办理 button (the
      // renderer's start label) must hear a word that starts, and 可以 is one the
      // recognizer hears well.
      return { kind: 'intro', prompt: s.intro, documents: s.documents, say: `${s.intro.say}${bring}${INTRO_HOW_TO_START}` };
    }
    case 'ineligible':
      return { kind: 'ineligible', title: s.names.full, say: state.ineligible?.say ?? '', canGoBack: state.ineligible?.causeKey != null };
    case 'summary': {
      const summary = summaryOf(state);
      return { kind: 'summary', summary, indicator: stepIndicator(state) ?? indicator(1, 1), say: summary.say };
    }
    case 'choose-fix': {
      const items = summaryOf(state).items;
      return { kind: 'choose-fix', items, say: `哪一项不对？请说出来，或者按一下：${items.map((i) => i.label).join('、')}。` };
    }
    case 'done': {
      const submission = outcome(state);
      if (!submission) throw new Error('unreachable: done without outcome');
      return { kind: 'done', submission };
    }
    case 'step':
      break;
  }
  const step = currentStep(state);
  const ind = stepIndicator(state);
  if (!step || !ind) throw new Error('unreachable: step phase without a planned step');
  if (step.step.kind === 'info') return { kind: 'info', key: step.key, prompt: step.prompt, indicator: ind, say: step.prompt.say };
  const field = step.step.field;
  const options = field.kind === 'choice' || field.kind === 'relationship' ? offeredOptions(field.options, state.surface) : [];
  return {
    kind: 'question',
    key: step.key,
    prompt: step.prompt,
    field,
    options,
    value: currentAnswer(state),
    error: state.error,
    repeat: step.repeat,
    canSkip: field.optional,
    indicator: ind,
    // After a refused answer, say what was wrong (it already says what to do).
    say: state.error ? state.error.message : `${step.prompt.say}${optionsSaid(step.prompt.say, options)}`,
  };
}

/**
 * The choices, said after the question unless the question already names every
 * one: a resident who cannot read the buttons must hear what there is to say.
 */
export function optionsSaid(say: string, options: readonly ChoiceOption[]): string {
  if (options.length === 0 || options.every((o) => say.includes(o.label))) return '';
  return `可以说：${options.map((o) => o.label).join('、')}。`;
}
