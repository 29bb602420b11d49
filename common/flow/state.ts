// The state of one resident walking through one service. Plain immutable data:
// the renderer keeps it in React state and replaces it with what the transition
// functions in engine.ts return. It holds personal data: drop it when the
// resident leaves, never log it.
import type { Surface } from '../catalogue/schema/fields.js';
import type { ServiceDefinition } from '../catalogue/schema/service.js';
import type { AnswerError } from './answers.js';
import type { Ineligibility } from './eligibility.js';
import type { ResidentIdentity } from './identity.js';
import type { Answers } from './plan.js';

export type FlowPhase =
  | 'intro' // the service's first words and what to have ready
  | 'step' // one question or one piece of information
  | 'ineligible' // a rule said no; the kind explanation is in `ineligible`
  | 'summary' // the read-back: 是 / 不是
  | 'choose-fix' // after 不是: which answer to fix
  | 'done'; // finished: outcome() gives the submission

export interface FlowState {
  readonly service: ServiceDefinition;
  readonly catalogueVersion: string;
  readonly identity: ResidentIdentity;
  readonly surface: Surface;
  /** YYYY-MM-DD: ages and dates are judged on this day (passed in, so the engine stays pure). */
  readonly today: string;
  readonly onBehalf: boolean;
  readonly phase: FlowPhase;
  /** Plan key of the current step (phase 'step'). */
  readonly current: string | null;
  /** Everything answered, including answers of steps no longer visible (kept so going back and forth loses nothing). */
  readonly answers: Answers;
  /** Why the last answer was refused, read aloud; cleared by the next good answer. */
  readonly error: AnswerError | null;
  readonly ineligible: Ineligibility | null;
  /** True while fixing an answer from the summary: the next good answer returns there. */
  readonly fixing: boolean;
}

export const flowErrorCodes = ['not-offered', 'wrong-phase', 'unknown-step', 'not-optional'] as const;
export type FlowErrorCode = (typeof flowErrorCodes)[number];

/** A misuse of the engine by the caller (a bug in a screen), never a resident's mistake. */
export class FlowError extends Error {
  constructor(
    readonly code: FlowErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FlowError';
  }
}
