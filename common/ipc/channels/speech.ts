// Read-aloud and (with the voice issue) recognition.
//
// Prompts are rendered to WAV in the station core and played by the renderer, so
// the sound comes out of whatever the screen's browser plays through (kiosk
// speakers, the TV), and stopping a prompt (barge-in) is a renderer-side stop.
import { z } from 'zod';
import { channel } from '../define.js';

export const speechChannels = {
  'speech:synthesize': channel(
    z
      .object({
        text: z.string().min(1).max(2000),
        /** Multiplier on the station's configured rate: 0.5 is half as fast. */
        rate: z.number().min(0.5).max(2).optional(),
      })
      .strict(),
    z.object({
      /** RIFF/WAVE bytes, base64. */
      wavBase64: z.string(),
      durationMs: z.number().nonnegative(),
    }),
  ),
} as const;

export const speechStreams = {} as const;
