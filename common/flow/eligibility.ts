// Eligibility rules, checked as soon as what they need is known: the resident's
// own age right after the intro, a family member's age right after their ID
// number, an answer right after it is given. A "no" is a kind explanation, never
// an error code: it says why and what to do instead.
import type { EligibilityRule } from '../catalogue/schema/rules.js';
import type { ServiceDefinition } from '../catalogue/schema/service.js';
import { isPersonAnswer } from './answers.js';
import { checkIdNumber } from './id-number.js';
import { ageOn, monthReaching, type ResidentIdentity } from './identity.js';
import { holds, type Answers } from './plan.js';

export interface Ineligibility {
  /** Index of the rule in service.eligibility. */
  readonly rule: number;
  /** The explanation with {age}, {years} and {date} filled in; read aloud. */
  readonly say: string;
  /** The answer that led here (going back to it may help), or null when nothing can be changed. */
  readonly causeKey: string | null;
}

type Verdict = 'pass' | 'fail' | 'unknown';

function birthDateOf(rule: Extract<EligibilityRule, { kind: 'min-age' }>, identity: ResidentIdentity, answers: Answers): string | null {
  if (rule.of === 'resident') return identity.birthDate;
  const v = answers[rule.of.field];
  // A number keyed for a family member, or the person read from their own card.
  const number = typeof v === 'string' ? v : isPersonAnswer(v) ? v.idNumber : null;
  if (number === null) return null;
  const check = checkIdNumber(number);
  return check.ok ? check.birthDate : null;
}

function fillExplain(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}

function judge(rule: EligibilityRule, identity: ResidentIdentity, answers: Answers, today: string): { verdict: Verdict; values: Record<string, string | number> } {
  if (rule.when && answers[rule.when.field] === undefined) return { verdict: 'unknown', values: {} };
  if (!holds(rule.when, answers)) return { verdict: 'pass', values: {} };
  if (rule.kind === 'answer-not') {
    const v = answers[rule.field];
    if (v === undefined) return { verdict: 'unknown', values: {} };
    return { verdict: typeof v !== 'object' && rule.values.includes(v) ? 'fail' : 'pass', values: {} };
  }
  const birth = birthDateOf(rule, identity, answers);
  if (birth === null) return { verdict: 'unknown', values: {} };
  const age = ageOn(birth, today);
  return { verdict: age >= rule.years ? 'pass' : 'fail', values: { age, years: rule.years, date: monthReaching(birth, rule.years) } };
}

function causeOf(rule: EligibilityRule): string | null {
  if (rule.kind === 'answer-not') return rule.field;
  if (rule.of !== 'resident') return rule.of.field;
  return rule.when ? rule.when.field : null;
}

/** The first rule that says no with what is known now, or null. Rules still waiting for an answer are skipped. */
export function checkEligibility(service: ServiceDefinition, identity: ResidentIdentity, answers: Answers, today: string): Ineligibility | null {
  for (let i = 0; i < service.eligibility.length; i++) {
    const rule = service.eligibility[i] as EligibilityRule;
    const { verdict, values } = judge(rule, identity, answers, today);
    if (verdict === 'fail') return { rule: i, say: fillExplain(rule.explain, values), causeKey: causeOf(rule) };
  }
  return null;
}
