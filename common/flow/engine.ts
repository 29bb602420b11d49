// The flow engine: pure transition functions over FlowState. Each takes a state
// and returns a new one; nothing is mutated, nothing is read from a clock or a
// device. One question per screen; answers are validated with plain-words errors;
// eligibility is checked as soon as it can be; the summary is read back before
// submitting; 不是 goes back to the answer to fix.
import type { Surface } from '../catalogue/schema/fields.js';
import type { ServiceDefinition } from '../catalogue/schema/service.js';
import type { AnswerValue } from './answers.js';
import { checkDistinct } from './distinct.js';
import { checkEligibility } from './eligibility.js';
import type { ResidentIdentity } from './identity.js';
import { planSteps, type Answers, type Plan, type PlannedStep } from './plan.js';
import { FlowError, type FlowPhase, type FlowState } from './state.js';
import { validateAnswer } from './validate.js';

export interface StartOptions {
  readonly service: ServiceDefinition;
  readonly catalogueVersion: string;
  readonly identity: ResidentIdentity;
  readonly surface: Surface;
  readonly today: string;
  /** A village digital specialist is doing it for the resident (代办). */
  readonly onBehalf?: boolean;
}

export function startFlow(opts: StartOptions): FlowState {
  if (!opts.service.offeredOn.includes(opts.surface)) {
    throw new FlowError('not-offered', `${opts.service.id} is not offered on ${opts.surface}`);
  }
  return {
    service: opts.service,
    catalogueVersion: opts.catalogueVersion,
    identity: opts.identity,
    surface: opts.surface,
    today: opts.today,
    onBehalf: opts.onBehalf ?? false,
    phase: 'intro',
    current: null,
    answers: {},
    error: null,
    ineligible: null,
    fixing: false,
  };
}

export function currentPlan(state: FlowState): Plan {
  return planSteps(state.service, state.answers, state.surface);
}

/** The planned step on screen, when the phase is 'step'. */
export function currentStep(state: FlowState): PlannedStep | null {
  if (state.phase !== 'step' || state.current === null) return null;
  return currentPlan(state).steps.find((s) => s.key === state.current) ?? null;
}

function requirePhase(state: FlowState, ...phases: FlowPhase[]): void {
  if (!phases.includes(state.phase)) throw new FlowError('wrong-phase', `not possible in phase ${state.phase}`);
}

function atStep(state: FlowState, key: string, fixing = state.fixing): FlowState {
  return { ...state, phase: 'step', current: key, error: null, ineligible: null, fixing };
}

/** Where the flow ends after the last step: the read-back, or straight to done. */
function afterLastStep(state: FlowState): FlowState {
  return { ...state, phase: state.service.confirm ? 'summary' : 'done', current: null, error: null, fixing: false };
}

/** A question that is required and not yet answered (a skipped optional one is not asked again). */
function needsAnswer(step: PlannedStep, plan: Plan): boolean {
  return step.step.kind === 'question' && !step.step.field.optional && step.answerKey !== null && plan.effective[step.answerKey] === undefined;
}

/**
 * Moves on from the step `fromKey` (or from the intro when null) with `answers`:
 * first eligibility, then the next screen. While fixing from the summary it skips
 * ahead to the first unanswered step, or back to the summary when there is none.
 */
function advance(state: FlowState, answers: Answers, fromKey: string | null): FlowState {
  const next = { ...state, answers, error: null };
  const plan = planSteps(state.service, answers, state.surface);
  const no = checkEligibility(state.service, state.identity, plan.effective, state.today);
  if (no) return { ...next, phase: 'ineligible', current: fromKey, ineligible: no, fixing: false };
  const from = fromKey === null ? -1 : plan.steps.findIndex((s) => s.key === fromKey);
  const rest = plan.steps.slice(from + 1);
  const target = state.fixing ? rest.find((s) => needsAnswer(s, plan)) : rest[0];
  return target ? atStep(next, target.key) : afterLastStep(next);
}

/** 继续: from the intro to the first step, past an info screen, or on with the answer already given. */
export function next(state: FlowState): FlowState {
  if (state.phase === 'intro') return advance(state, state.answers, null);
  requirePhase(state, 'step');
  const step = currentStep(state);
  if (!step) throw new FlowError('unknown-step', 'current step is no longer in the plan');
  // A required question with no answer yet gets the same plain-words "empty" error as a blank answer.
  const unanswered = step.answerKey !== null && state.answers[step.answerKey] === undefined;
  if (unanswered && step.step.kind === 'question' && !step.step.field.optional) return answer(state, undefined);
  return advance(state, state.answers, step.key);
}

/** The resident's answer to the question on screen: refused with a plain-words error, or stored and moved on. */
export function answer(state: FlowState, raw: unknown): FlowState {
  requirePhase(state, 'step');
  const step = currentStep(state);
  if (!step || step.step.kind !== 'question' || !step.answerKey) throw new FlowError('wrong-phase', 'the current screen asks no question');
  const result = validateAnswer(step.step.field, raw, { surface: state.surface, today: state.today });
  if (!result.ok) return { ...state, error: result.error };
  const clash = checkDistinct(step, result.value, state.answers, state.identity.idNumber);
  if (clash) return { ...state, error: clash };
  return advance(state, { ...state.answers, [step.answerKey]: result.value }, step.key);
}

/** 跳过 on an optional question: any earlier answer to it is dropped. */
export function skip(state: FlowState): FlowState {
  const step = currentStep(state);
  if (!step || step.step.kind !== 'question' || !step.answerKey) throw new FlowError('wrong-phase', 'the current screen asks no question');
  if (!step.step.field.optional) throw new FlowError('not-optional', `${step.step.field.id} cannot be skipped`);
  const { [step.answerKey]: _dropped, ...answers } = state.answers;
  return advance(state, answers, step.key);
}

export function canGoBack(state: FlowState): boolean {
  if (state.phase === 'intro' || state.phase === 'done') return false;
  if (state.phase === 'ineligible') return state.ineligible?.causeKey != null;
  return true;
}

/** 返回: one screen back. From the first step it returns to the intro; leaving the service is the screen's business. */
export function back(state: FlowState): FlowState {
  if (!canGoBack(state)) return state;
  const plan = currentPlan(state);
  const last = plan.steps.at(-1);
  switch (state.phase) {
    case 'choose-fix':
      return { ...state, phase: 'summary' };
    case 'summary':
      return last ? atStep(state, last.key, false) : { ...state, phase: 'intro' };
    case 'ineligible': {
      const cause = plan.steps.find((s) => s.answerKey === state.ineligible?.causeKey);
      return cause ? atStep(state, cause.key, false) : state;
    }
    default: {
      if (state.fixing) return { ...state, phase: 'summary', current: null, error: null, fixing: false };
      const i = plan.steps.findIndex((s) => s.key === state.current);
      const prev = i > 0 ? plan.steps[i - 1] : undefined;
      return prev ? atStep(state, prev.key) : { ...state, phase: 'intro', current: null, error: null };
    }
  }
}

/** The answer to 对吗？ on the summary: 是 finishes, 不是 asks which answer to fix (or goes to it if there is only one). */
export function confirm(state: FlowState, yes: boolean): FlowState {
  requirePhase(state, 'summary');
  if (yes) return { ...state, phase: 'done' };
  const fixable = currentPlan(state).steps.filter((s) => s.answerKey !== null);
  const only = fixable.length === 1 ? fixable[0] : undefined;
  return only ? atStep(state, only.key, true) : { ...state, phase: 'choose-fix' };
}

/** Goes to the answer the resident wants to fix; the next good answer returns to the summary. */
export function chooseFix(state: FlowState, key: string): FlowState {
  requirePhase(state, 'choose-fix', 'summary');
  const step = currentPlan(state).steps.find((s) => s.key === key && s.answerKey !== null);
  if (!step) throw new FlowError('unknown-step', `no answer ${key} to fix`);
  return atStep(state, step.key, true);
}

/** The stored answer of the step on screen (to prefill the keypad or highlight the chosen button). */
export function currentAnswer(state: FlowState): AnswerValue | undefined {
  const step = currentStep(state);
  return step?.answerKey ? state.answers[step.answerKey] : undefined;
}
