// The offline policy knowledge base: questions residents ask, answered in plain
// words short enough to read aloud, grouped by topic and found by spoken keywords.
import { z } from 'zod';
import { serviceIdSchema } from '../domain/catalogue-summary.js';

export const policyTopicIds = [
  'pension-certification',
  'social-insurance',
  'medical-insurance',
  'elderly-allowance',
  'subsistence-allowance',
  'certificate',
  'application-status',
  'kiosk',
] as const;
export const policyTopicIdSchema = z.enum(policyTopicIds);
export type PolicyTopicId = z.infer<typeof policyTopicIdSchema>;

export const policyTopicSchema = z
  .object({
    id: policyTopicIdSchema,
    /** Shown on the topic button and read aloud. */
    label: z.string().min(1).max(8),
    /** Words that point at the whole topic (医保, 低保…). */
    keywords: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type PolicyTopic = z.infer<typeof policyTopicSchema>;

/** About 15 seconds of speech at the slow rate used for elderly listeners. */
export const MAX_ANSWER_CHARS = 90;

export const policyEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z]+(?:-[a-z0-9]+)*$/),
    topic: policyTopicIdSchema,
    question: z.string().min(4).max(30),
    answer: z.string().min(4).max(MAX_ANSWER_CHARS),
    /** Words a resident might say when asking this; matched by sound too, so 认正 finds 认证. */
    keywords: z.array(z.string().min(1)).min(2),
    /** The service to offer after the answer (去办理), if any. */
    service: serviceIdSchema.optional(),
  })
  .strict();
export type PolicyEntry = z.infer<typeof policyEntrySchema>;
export type PolicyEntryInput = z.input<typeof policyEntrySchema>;

export const policyKnowledgeBaseSchema = z
  .object({
    version: z.string().min(1),
    topics: z.array(policyTopicSchema).min(1),
    entries: z.array(policyEntrySchema).min(1),
  })
  .strict()
  .superRefine((kb, ctx) => {
    const ids = new Set<string>();
    kb.entries.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'id'], message: `entry ${e.id} listed twice` });
      ids.add(e.id);
    });
    const topics = new Set(kb.topics.map((t) => t.id));
    kb.entries.forEach((e, i) => {
      if (!topics.has(e.topic)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'topic'], message: `topic ${e.topic} is not listed` });
    });
  });
export type PolicyKnowledgeBase = z.infer<typeof policyKnowledgeBaseSchema>;

/** Search result: the entry, how well it matched, and which words matched (for highlighting). */
export const policyHitSchema = z.object({
  id: z.string(),
  topic: policyTopicIdSchema,
  question: z.string(),
  answer: z.string(),
  service: serviceIdSchema.optional(),
  score: z.number(),
  matched: z.array(z.string()),
});
export type PolicyHit = z.infer<typeof policyHitSchema>;
