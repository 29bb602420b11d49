// The satisfaction rating asked after every service: five big faces, or by voice.
import { z } from 'zod';
import { serviceIdSchema } from '../../domain/catalogue-summary.js';
import { promptSchema } from './fields.js';

export const satisfactionScoreSchema = z.number().int().min(1).max(5);
export type SatisfactionScore = z.infer<typeof satisfactionScoreSchema>;

export const satisfactionFaceSchema = z
  .object({
    score: satisfactionScoreSchema,
    label: z.string().min(1).max(8),
    icon: z.string().min(1),
    /** Words that choose this face by voice; 满意 / 一般 / 不满意 must each land on one. */
    voice: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type SatisfactionFace = z.infer<typeof satisfactionFaceSchema>;

export const satisfactionSchema = z
  .object({
    prompt: promptSchema,
    thanks: z.string().min(1).max(60),
    faces: z
      .array(satisfactionFaceSchema)
      .length(5)
      .refine((faces) => new Set(faces.map((f) => f.score)).size === 5, { message: 'each score 1–5 exactly once' }),
  })
  .strict();
export type SatisfactionDefinition = z.infer<typeof satisfactionSchema>;

/** One rating as stored and synced: which service, which face, and how it was given. */
export const satisfactionRatingSchema = z
  .object({
    serviceId: serviceIdSchema,
    score: satisfactionScoreSchema,
    via: z.enum(['touch', 'remote', 'voice']),
    /** YYYY-MM-DD; no identity is attached, ratings are anonymous. */
    ratedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** The catalogue version in force, so the words of the question are known. */
    catalogueVersion: z.string(),
  })
  .strict();
export type SatisfactionRating = z.infer<typeof satisfactionRatingSchema>;
