// Device channels (ID card reader, printer, remote). Owned by the drivers area.
//
// The card's photo never crosses to the renderer; the ID number does (the greeting
// screen shows it masked with maskIdNumber from common/domain/id-number.ts).
// A print that cannot happen (paper out, cover open…) is a result, not an error:
// `{ printed: false, reason, message }` with plain words the UI can say aloud,
// and the renderer keeps the document to print later. 'unavailable' means the
// station has no printer / reader configured.
import { z } from 'zod';
import { channel, stream } from '../define.js';
import { idCardSchema } from '../../domain/idcard.js';
import { printResultSchema } from '../../domain/receipt.js';
import { deviceHealthSchema } from '../../domain/status.js';

export const idCardEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('inserted') }),
  z.object({ type: z.literal('read'), card: idCardSchema }),
  z.object({ type: z.literal('removed') }),
  /**
   * code: 'checksum' | 'truncated' | 'timeout' | 'read-failed' | 'select-failed' | 'bad-card-data' | 'disconnected' | …
   * during: 'read' — a card was being read, a card event; 'poll' — the reader was only asked whether a
   * card is there, or could not be reached: its health, nothing about the card or who holds it.
   */
  z.object({ type: z.literal('error'), code: z.string(), message: z.string(), during: z.enum(['read', 'poll']) }),
]);
export type IdCardEventMessage = z.infer<typeof idCardEventSchema>;

/**
 * Keys a HID remote can send, after decoding (drivers/remote/key-map.ts maps HID
 * usages onto these). Remotes that are plain keyboards reach the renderer as key
 * events instead and are mapped there.
 */
export const remoteKeys = [
  'ok', 'up', 'down', 'left', 'right', 'back', 'home', 'menu', 'voice',
  'volume-up', 'volume-down', 'mute', 'backspace',
  'digit-0', 'digit-1', 'digit-2', 'digit-3', 'digit-4', 'digit-5', 'digit-6', 'digit-7', 'digit-8', 'digit-9',
] as const;
export type RemoteKey = (typeof remoteKeys)[number];

/** 'down' and 'up' both matter: the voice key is push-to-talk (listen while held). */
export const remoteKeyEventSchema = z.object({
  key: z.enum(remoteKeys),
  action: z.enum(['down', 'up']),
  /** Which configured remote sent it. */
  device: z.string(),
});
export type RemoteKeyEvent = z.infer<typeof remoteKeyEventSchema>;

export const testReadResultSchema = z.discriminatedUnion('outcome', [
  /** Enough for the specialist to see the reader works, without showing the whole card. */
  z.object({ outcome: z.literal('read'), name: z.string(), idNumberMasked: z.string(), idNumberValid: z.boolean() }),
  z.object({ outcome: z.literal('no-card') }),
  z.object({ outcome: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type TestReadResult = z.infer<typeof testReadResultSchema>;

const noArgs = z.object({}).strict();

export const deviceChannels = {
  /**
   * Prints an application's receipt, composed by main from the application in
   * its store (common/documents/application-receipt.ts): the screen names which
   * application, never the words. Open to the resident's screen, for an
   * application in the name of someone it may file for (resident-scope.ts: a
   * card read in this visit; with a desk session, anyone). `reprint` (the
   * desk's 补打回执) says so on the paper. The printer driver masks the number.
   */
  'printer:print-receipt': channel(z.object({ applicationId: z.uuid(), reprint: z.boolean().default(false) }).strict(), printResultSchema, { access: 'resident' }),
  /**
   * Prints a resident's 参保证明, composed by main from the record this station
   * fetched or saved for them (common/documents/insurance-certificate.ts): the
   * screen names whose and which copy of the record its preview showed
   * (`fetchedAt`), never the words. Scoped like printer:print-receipt; a record in
   * another name than the card's is not printed.
   */
  'printer:print-certificate': channel(
    z
      .object({
        idNumber: z.string().min(15).max(18),
        /** The name on the card, checked against the record's. */
        name: z.string().min(1).max(30).optional(),
        source: z.enum(['live', 'cache']),
        fetchedAt: z.iso.datetime({ offset: true }),
      })
      .strict(),
    printResultSchema,
    { access: 'resident' },
  ),
  /**
   * The card now on the reader (if read), for a screen that opens after the card went in;
   * `present` also counts a card that lies there but could not be read.
   */
  'idcard:current': channel(noArgs, z.object({ card: idCardSchema.nullable(), present: z.boolean() }), { access: 'resident' }),
  // The desk's devices panel: a test read shows a card's name, a test print uses paper.
  // With where a specialist's tablet opens the desk (null: no desk listener), for the technician setting one up.
  'devices:health': channel(
    noArgs,
    z.object({
      devices: z.array(deviceHealthSchema),
      deskListener: z.object({ url: z.string().max(200), certificateSha256: z.string().max(120).nullable() }).nullable(),
    }),
    { access: 'specialist' },
  ),
  'devices:test-read': channel(noArgs, testReadResultSchema, { access: 'specialist' }),
  'devices:test-print': channel(noArgs, printResultSchema, { access: 'specialist' }),
} as const;

export const deviceStreams = {
  'idcard:events': stream(noArgs, idCardEventSchema, { access: 'resident' }),
  'remote:keys': stream(noArgs, remoteKeyEventSchema, { access: 'resident' }),
} as const;
