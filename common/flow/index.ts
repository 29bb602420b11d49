// The flow engine's public surface: start a flow, feed it answers, draw its view.
export { startFlow, next, answer, skip, back, confirm, chooseFix, canGoBack, currentStep, currentAnswer, currentPlan, type StartOptions } from './engine.js';
export { viewOf, outcome, stepIndicator, summaryOf, type FlowView, type StepIndicator } from './view.js';
export { FlowError, type FlowState, type FlowPhase, type FlowErrorCode } from './state.js';
export { submissionSchema, type Submission, type FeeTotal, type FormValue } from './submission.js';
export { residentIdentitySchema, identityFromIdNumber, ageOn, IdentityError, type ResidentIdentity } from './identity.js';
export { checkIdNumber, type IdNumberCheck } from './id-number.js';
export { validateAnswer, offeredOptions } from './validate.js';
export { normalizeDigits, parseNumber, spellDigits } from './numbers.js';
export type { AnswerValue, AnswerError, PhotoAnswer } from './answers.js';
export type { Summary, SummaryItem } from './summary.js';
export type { Ineligibility } from './eligibility.js';
export { afterSubmit, type SubmitResult, type AfterSubmitWords } from './after-submit.js';
