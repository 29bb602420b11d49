// Station config for recognition and spoken prompts. Owned by the speech area.
import { z } from 'zod';

export const speechConfigSchema = z
  .object({
    tts: z
      .object({
        engine: z.enum(['espeak-ng', 'none']).default('espeak-ng'),
        voice: z.string().default('cmn-latn-pinyin'),
        /** Words per minute; elderly listeners want it slower than espeak's default 175. */
        rate: z.number().int().min(80).max(260).default(130),
      })
      .default({ engine: 'espeak-ng', voice: 'cmn-latn-pinyin', rate: 130 }),
  })
  .default({ tts: { engine: 'espeak-ng', voice: 'cmn-latn-pinyin', rate: 130 } });
export type SpeechConfig = z.infer<typeof speechConfigSchema>;
