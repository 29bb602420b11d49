import { z } from 'zod';
import { channel } from '../define.js';
import { serviceSummarySchema } from '../../domain/catalogue-summary.js';

export const catalogueChannels = {
  'catalogue:list': channel(z.object({}).strict(), z.object({ version: z.string(), services: z.array(serviceSummarySchema) })),
} as const;
