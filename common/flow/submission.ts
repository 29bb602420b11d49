// What a finished flow hands over: to the store's outbox (submit), to the query
// screens (query), to the printer (print). Validated again on the main side with
// the same schema, and it carries the catalogue version so the server knows which
// questions the answers belong to.
import { z } from 'zod';
import { serviceIdSchema } from '../domain/catalogue-summary.js';
import { surfaceSchema } from '../catalogue/schema/fields.js';
import { actionSchema, type ServiceDefinition } from '../catalogue/schema/service.js';
import { answerValueSchema, type AnswerValue } from './answers.js';
import { residentIdentitySchema } from './identity.js';
import { holds, type Plan } from './plan.js';

const formValueSchema = z.union([answerValueSchema, z.array(z.record(z.string(), answerValueSchema))]);
export type FormValue = z.infer<typeof formValueSchema>;

export const feeTotalSchema = z
  .object({ year: z.number().int(), persons: z.number().int().nonnegative(), perPersonYuan: z.number().int(), totalYuan: z.number().int() })
  .strict();
export type FeeTotal = z.infer<typeof feeTotalSchema>;

export const submissionSchema = z
  .object({
    serviceId: serviceIdSchema,
    catalogueVersion: z.string(),
    action: actionSchema,
    surface: surfaceSchema,
    /** True when a village digital specialist did it for the resident (代办). */
    onBehalf: z.boolean(),
    applicant: residentIdentitySchema,
    form: z.record(z.string(), formValueSchema),
    fee: feeTotalSchema.nullable(),
    /** YYYY-MM-DD, the day the resident confirmed. */
    completedOn: z.string(),
  })
  .strict();
export type Submission = z.infer<typeof submissionSchema>;

/** Turns the effective answers of the final plan into form data: repeat groups become arrays of objects. */
export function buildForm(plan: Plan): Record<string, FormValue> {
  const form: Record<string, FormValue> = {};
  for (const p of plan.steps) {
    if (!p.answerKey || p.step.kind !== 'question') continue;
    const value = plan.effective[p.answerKey];
    if (value === undefined) continue;
    if (!p.repeat) {
      form[p.answerKey] = value;
      continue;
    }
    const list = (form[p.repeat.group] ??= []) as Record<string, AnswerValue>[];
    const member = (list[p.repeat.index] ??= {});
    member[p.step.field.id] = value;
  }
  // Auto-answered choices (one option on this surface) are not steps but still part of the form.
  for (const [key, value] of Object.entries(plan.effective)) if (!key.includes('.') && form[key] === undefined) form[key] = value;
  return form;
}

export function computeFee(service: ServiceDefinition, plan: Plan): FeeTotal | null {
  const fee = service.fee;
  if (!fee) return null;
  const members = new Set(plan.steps.filter((p) => p.repeat?.group === fee.membersOf).map((p) => p.repeat?.index));
  const persons = (holds(fee.selfWhen, plan.effective) ? 1 : 0) + members.size;
  return { year: fee.year, persons, perPersonYuan: fee.perPersonYuan, totalYuan: persons * fee.perPersonYuan };
}
