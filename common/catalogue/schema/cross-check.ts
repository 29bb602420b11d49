// Checks a zod shape cannot express: every reference inside a service points at
// something that exists and comes earlier. A catalogue arriving through sync that
// fails here is refused whole, so a kiosk never runs a flow with a dangling step.
import type { ServiceDefinition } from './service.js';

export interface CrossIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

export function crossCheckService(service: ServiceDefinition, at: number): CrossIssue[] {
  const issues: CrossIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path: ['services', at, ...path], message });
  const documents = new Set(service.documents.map((d) => d.id));
  /** Non-repeated question fields seen so far, by id → kind. */
  const seen = new Map<string, string>();
  const groupsSeen = new Set<string>();
  const stepIds = new Set<string>();
  let openGroup: string | undefined;

  service.steps.forEach((step, i) => {
    if (stepIds.has(step.id)) add(['steps', i, 'id'], `step id ${step.id} used twice`);
    stepIds.add(step.id);
    if (step.when && !seen.has(step.when.field)) add(['steps', i, 'when'], `condition refers to ${step.when.field}, which is not asked earlier`);
    const group = step.kind === 'question' ? step.repeat?.group : undefined;
    if (group !== openGroup && group !== undefined && groupsSeen.has(group)) add(['steps', i, 'repeat'], `repeat group ${group} must be consecutive`);
    openGroup = group;
    if (step.kind !== 'question') return;
    const field = step.field;
    if (step.repeat) {
      groupsSeen.add(step.repeat.group);
      if (seen.get(step.repeat.countField) !== 'count') add(['steps', i, 'repeat'], `countField ${step.repeat.countField} must be a count asked earlier`);
    } else {
      if (seen.has(field.id)) add(['steps', i, 'field', 'id'], `field id ${field.id} used twice`);
      seen.set(field.id, field.kind);
    }
    if (field.kind === 'photo' && field.subject !== 'face' && !documents.has(field.subject)) add(['steps', i, 'field', 'subject'], `photo of unknown document ${field.subject}`);
  });

  service.eligibility.forEach((rule, i) => {
    if (rule.when && !seen.has(rule.when.field)) add(['eligibility', i, 'when'], `condition refers to unknown field ${rule.when.field}`);
    if (rule.kind === 'answer-not' && !seen.has(rule.field)) add(['eligibility', i, 'field'], `rule refers to unknown field ${rule.field}`);
    if (rule.kind === 'min-age' && rule.of !== 'resident' && !['id-number', 'family-card'].includes(seen.get(rule.of.field) ?? '')) add(['eligibility', i, 'of'], `age subject ${rule.of.field} must be an id-number or family-card field`);
  });

  if (service.fee) {
    if (!seen.has(service.fee.selfWhen.field)) add(['fee', 'selfWhen'], `fee condition refers to unknown field ${service.fee.selfWhen.field}`);
    if (!groupsSeen.has(service.fee.membersOf)) add(['fee', 'membersOf'], `fee counts unknown group ${service.fee.membersOf}`);
  }
  if (service.action.kind === 'submit' && !service.confirm) add(['confirm'], 'a service that submits must read the summary back first');
  return issues;
}
