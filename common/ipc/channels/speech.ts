// Read-aloud and recognition.
//
// Prompts are rendered to WAV in the station core and played by the renderer, so
// the sound comes out of whatever the screen's browser plays through (kiosk
// speakers, the TV), and stopping a prompt (barge-in) is a renderer-side stop.
//
// Recognition is driven step by step by the renderer: start a session with the
// grammar of the dialog step on screen, push 16 kHz mono s16le audio chunks,
// end it (or let the station's end-of-speech detection end it); results arrive on
// the `speech:results` stream and the final one is also the answer of `listen-end`.
import { z } from 'zod';
import { channel, stream } from '../define.js';
import { serviceIntentIds } from '../../catalogue/voice-synonyms.js';

/** One thing that can be said at a step: the renderer gets `id` back when its label or a synonym is heard. */
const choiceOptionSchema = z
  .object({
    id: z.string().min(1).max(80),
    label: z.string().min(1).max(40),
    synonyms: z.array(z.string().min(1).max(40)).max(10).optional(),
  })
  .strict();

/** The grammar of a dialog step: built in the station from the catalogue and these labels. */
export const stepSpecSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('home'),
      services: z.array(z.enum(serviceIntentIds)).min(1).optional(),
      /** The intent just asked about (我听着像是…，对吗？): 对 / 不是 are heard too, as yes / no. */
      checking: z.string().min(1).max(64).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('confirm'),
      /** The screen's own 是-button and 不是-button words (开始办理, 是，提交…): reading a button aloud answers it. */
      yes: z.array(z.string().min(1).max(40)).max(4).optional(),
      no: z.array(z.string().min(1).max(40)).max(4).optional(),
      /** A yes here submits an application (the read-back): engines hold it to their strictest bar. */
      submits: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('digits'),
      minLength: z.number().int().min(1).max(32).optional(),
      maxLength: z.number().int().min(1).max(32).optional(),
      /** Allow 叉 (X) as the last character, for ID numbers. */
      allowX: z.boolean().optional(),
      /** Words said instead of a number, each an intent of its own: 跳过 on an optional phone number. */
      extra: z.array(choiceOptionSchema).min(1).max(4).optional(),
    })
    .strict(),
  z
    .object({
      /** A count or an amount said as a number (四口人, 两千五百块); the form checks the range. */
      kind: z.literal('quantity'),
      max: z.number().int().min(1).max(99_999_999),
      /** Measure words that may follow the number (口人, 个, 元, 块钱). */
      units: z.array(z.string().min(1).max(8)).max(8).optional(),
      extra: z.array(choiceOptionSchema).min(1).max(4).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('choice'), options: z.array(choiceOptionSchema).min(1).max(12), checking: z.string().min(1).max(64).optional() }).strict(),
]);
export type StepSpecInput = z.infer<typeof stepSpecSchema>;

export const recognitionResultSchema = z.object({
  sessionId: z.string(),
  kind: z.enum(['partial', 'final', 'rejected']),
  /** What was heard (shown in big text); '' when nothing was. */
  text: z.string(),
  /** Intent id (service id, back/home/repeat/help, yes/no) or the id of a choice option. */
  intent: z.string().optional(),
  /** At a digits step: the digit string (0-9, X). */
  digits: z.string().optional(),
  confidence: z.number().min(0).max(1),
  /** 'confirm-again': probably `intent`, not surely enough; the same heard again next time counts. */
  reason: z.enum(['no-speech', 'hesitation', 'out-of-grammar', 'low-confidence', 'confirm-again', 'bad-length', 'cancelled', 'timeout']).optional(),
});
export type SpeechResultEvent = z.infer<typeof recognitionResultSchema>;

const sessionArgs = z.object({ sessionId: z.string().min(1).max(64) }).strict();

/** Half a second of audio per chunk is typical; allow up to ~4 s (base64 of 16 kHz s16le) plus JSON. */
export const MAX_AUDIO_CHUNK_BYTES = 4 * 16_000 * 2;
const maxChunkBase64 = Math.ceil(MAX_AUDIO_CHUNK_BYTES / 3) * 4;

export const speechChannels = {
  'speech:synthesize': channel(
    z
      .object({
        text: z.string().min(1).max(2000),
        /** Multiplier on the station's configured rate: 0.5 is half as fast. */
        rate: z.number().min(0.5).max(2).optional(),
        /** Multiplier on the station's configured volume. */
        volume: z.number().min(0).max(2).optional(),
      })
      .strict(),
    z.object({
      /** RIFF/WAVE bytes, base64. */
      wavBase64: z.string(),
      durationMs: z.number().nonnegative(),
    }),
    { access: 'resident' },
  ),
  /** Forgets rendered prompts (they may have read back a name) when a resident's session ends. */
  'speech:clear-prompts': channel(z.object({}).strict(), z.object({}), { access: 'resident' }),
  'speech:status': channel(
    z.object({}).strict(),
    z.object({
      recognition: z.enum(['ready', 'unavailable', 'off']),
      engine: z.enum(['sherpa-kws', 'pocketsphinx', 'vosk']).optional(),
      /** Why recognition is unavailable, for the specialist's health panel. */
      message: z.string().optional(),
      prompts: z.enum(['ready', 'off']),
    }),
    { access: 'resident' },
  ),
  'speech:listen-start': channel(
    z
      .object({
        step: stepSpecSchema,
        /** End as 'no-speech' after this long with nothing said (the station's own wait when absent). */
        noSpeechMs: z.number().int().min(1000).max(30_000).optional(),
      })
      .strict(),
    z.object({
      sessionId: z.string(),
      /** Whether the microphone is opened with the browser's automatic gain: the engine's choice (Recognizer.browserGain). */
      autoGain: z.boolean(),
    }),
    { access: 'resident' },
  ),
  'speech:listen-audio': channel(
    z
      .object({
        sessionId: z.string().min(1).max(64),
        /** 16 kHz mono signed 16-bit little-endian PCM, base64. */
        pcmBase64: z.string().max(maxChunkBase64),
      })
      .strict(),
    z.object({}),
    { access: 'resident', maxArgBytes: maxChunkBase64 + 1024 },
  ),
  'speech:listen-end': channel(sessionArgs, recognitionResultSchema, { access: 'resident' }),
  'speech:listen-cancel': channel(sessionArgs, z.object({}), { access: 'resident' }),
} as const;

export const speechStreams = {
  /** Every partial, final and rejected result of every session (filter by sessionId). */
  'speech:results': stream(z.object({}).strict(), recognitionResultSchema, { access: 'resident' }),
} as const;
