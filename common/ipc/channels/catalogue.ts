// catalogue:* and policy:* channels: the services this station offers (tiles and
// full definitions) and the offline policy knowledge base.
import { z } from 'zod';
import { channel } from '../define.js';
import { serviceSummarySchema } from '../../domain/catalogue-summary.js';
import { catalogueSchema } from '../../catalogue/schema/catalogue.js';
import { policyHitSchema, policyTopicIdSchema } from '../../policy/schema.js';

export const policySearchArgsSchema = z
  .object({
    /** What the resident said or typed; empty with a topic lists the topic. */
    query: z.string().max(200).default(''),
    topic: policyTopicIdSchema.optional(),
    /** Default: the best 5 answers for a query, the whole topic for a topic list. */
    limit: z.number().int().min(1).max(20).optional(),
  })
  .strict()
  .refine((a) => a.query.trim() !== '' || a.topic !== undefined, { message: 'give a query or a topic' });

export const catalogueChannels = {
  /** The home tiles: one per service, `available` on this station's surface. */
  // The catalogue is public (a specialist's own desk device names services from it).
  'catalogue:list': channel(z.object({}).strict(), z.object({ version: z.string(), services: z.array(serviceSummarySchema) }), { access: 'public' }),
  /** The full catalogue the flows run on (steps, fields, rules, read-aloud words). */
  'catalogue:get': channel(z.object({}).strict(), z.object({ catalogue: catalogueSchema }), { access: 'public' }),
  /** Answers for what a resident asked, best first; `topic` is the topic the words named, if any. */
  'policy:search': channel(
    policySearchArgsSchema,
    z.object({ version: z.string(), topic: policyTopicIdSchema.nullable(), hits: z.array(policyHitSchema) }),
    { access: 'resident' },
  ),
  /** The topic buttons of 政策问答, with how many questions each holds. */
  'policy:topics': channel(
    z.object({}).strict(),
    z.object({ version: z.string(), topics: z.array(z.object({ id: policyTopicIdSchema, label: z.string(), count: z.number().int() })) }),
    { access: 'resident' },
  ),
} as const;
