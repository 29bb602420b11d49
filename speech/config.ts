// Station config for recognition and spoken prompts. Owned by the speech area.
import { z } from 'zod';

const ttsSchema = z
  .object({
    engine: z.enum(['espeak-ng', 'none']).default('espeak-ng'),
    /** Debian's plain `cmn` voice reads Chinese as English-spelled pinyin; cmn-latn-pinyin reads it right. */
    voice: z.string().default('cmn-latn-pinyin'),
    /** Words per minute; elderly listeners want it slower than espeak's default 175. */
    rate: z.number().int().min(80).max(260).default(130),
    /** espeak amplitude, 0-200 (100 = normal); the resident can change it at run time. */
    volume: z.number().int().min(0).max(200).default(100),
    /** How many rendered prompts to keep in memory (the same few questions repeat all day). */
    cacheEntries: z.number().int().min(0).max(5000).default(300),
  })
  .strict();

const recognitionSchema = z
  .object({
    /**
     * 'auto': Vosk when `vosk.modelDir` is set, else the neural keyword spotter when its
     * model is provisioned, else PocketSphinx. 'none' turns recognition off (the kiosk
     * still speaks and works by buttons).
     */
    engine: z.enum(['auto', 'sherpa-kws', 'pocketsphinx', 'vosk', 'none']).default('auto'),
    sherpaKws: z
      .object({
        /** The model folder; default <app>/models/sherpa-onnx-kws-zipformer-wenetspeech-3.3M-2024-01-01-mobile. */
        modelDir: z.string().min(1).optional(),
        /**
         * 乡音: also spot each keyword as southern and south-western Mandarin says it (zh/ch/sh as
         * z/c/s, n and l, f and h, -ing/-eng/-ang as -in/-en/-an, r as y or l), each variant held to
         * a stricter threshold (speech/kws/accent.ts). On: on the real-speech dev set it cost no
         * precision (bench:speech prints both).
         */
        accentVariants: z.boolean().default(true),
        /**
         * Listen for numbers said aloud (phone numbers digit by digit, counts and sums). Off: on the
         * real spoken phone number of the dev set the spotter found 1 digit of 11, and a wrong number
         * read back costs the resident more than the keypad. Off, a number step still hears 跳过 and
         * the global commands; the keypad is the way in.
         */
        spokenNumbers: z.boolean().default(false),
        /** The spotter's threshold for keywords of two syllables or more, and for one-syllable ones (是, 对, 好). */
        threshold: z.number().min(0.01).max(0.95).default(0.15),
        oneSyllableThreshold: z.number().min(0.01).max(0.95).default(0.5),
      })
      .strict()
      .default({ accentVariants: true, spokenNumbers: false, threshold: 0.15, oneSyllableThreshold: 0.5 }),
    pocketsphinx: z
      .object({
        /** Folder with model/hmm/zh/tdt_sc_8k and model/lm/zh_CN/mandarin_notone.dic; default <app>/models/pocketsphinx-zh-tdt_sc_8k. */
        modelDir: z.string().min(1).optional(),
        library: z.string().min(1).default('libpocketsphinx.so.3'),
        /**
         * Reject a lone 嗯 / 啊 / 喂 that a loop of hesitation sounds explains better than any
         * command, not only a yes at a confirm step (always checked). On by default: on the eval it
         * turns more misheard clips into a hesitation than it loses real commands; bench:speech
         * prints both sides (pocketsphinx-recognizer.ts). Off: the nearest short command is taken.
         */
        hesitationCheck: z.boolean().default(true),
      })
      .strict()
      .default({ library: 'libpocketsphinx.so.3', hesitationCheck: true }),
    vosk: z
      .object({
        /** A Vosk model folder, e.g. vosk-model-small-cn-0.22. */
        modelDir: z.string().min(1).optional(),
        /** Default: the libvosk.so shipped inside node_modules/vosk. */
        library: z.string().min(1).optional(),
      })
      .strict()
      .default({}),
    /**
     * Minimum confidence to accept anything, to accept 是 at a confirm step, and to
     * accept a digit string. Chosen on the committed fixtures and checked on the
     * held-out voices and the real recordings (npm run bench:speech).
     */
    acceptConfidence: z.number().min(0).max(1).default(0.62),
    confirmYesConfidence: z.number().min(0).max(1).default(0.7),
    digitsConfidence: z.number().min(0).max(1).default(0.85),
  })
  .strict();

export const speechConfigSchema = z
  .object({
    tts: ttsSchema.default(ttsSchema.parse({})),
    recognition: recognitionSchema.default(recognitionSchema.parse({})),
  })
  .strict()
  .default({ tts: ttsSchema.parse({}), recognition: recognitionSchema.parse({}) });
export type SpeechConfig = z.infer<typeof speechConfigSchema>;
