// The station config: one JSON file, validated with zod, from which the core builds
// every service. Every field has a default, so `{}` is a working development
// kiosk with simulated devices, no network, the embedded reference sync server
// and the development specialist. `mode: "production"` (as the packaged example
// has) refuses those two at start: see production.ts.
import fs from 'node:fs';
import { z } from 'zod';
import { devicesConfigSchema } from '../../drivers/config.js';
import { storeConfigSchema, syncConfigSchema } from '../../offline-store/config.js';
import { speechConfigSchema } from '../../speech/config.js';
import { textSizes, uiModes } from '../../common/domain/display-modes.js';
import { specialistsConfigSchema } from '../../common/domain/specialist.js';
import { linksConfigSchema } from '../../common/domain/links.js';
import { DEFAULT_TIME_ZONE } from '../../common/time/zoned.js';
import { timeZoneSchema } from '../../common/time/time-zone-schema.js';
import { challengeKindSchema } from '../../common/domain/face.js';

export const stationConfigSchema = z
  .object({
    stationId: z.string().min(1).default('station-dev'),
    stationName: z.string().min(1).default('乡音便民服务站'),
    /**
     * 'production' for a real station: it refuses to start with the embedded sync
     * server or the development specialist. The default is 'development' so that
     * `{}` stays a working development kiosk.
     */
    mode: z.enum(['production', 'development']).default('development'),
    /** 'kiosk' for the touch kiosk at the service station, 'tv' for a set-top box at home. */
    uiMode: z.enum(uiModes).default('kiosk'),
    /**
     * The station's time zone (IANA name) for everything shown, printed or counted:
     * tracking numbers, receipts, the desk's times and 今日. Not the machine's clock
     * zone, which kiosk images often leave at UTC.
     */
    timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
    /** Where the database, keys and logs live; default: the user's data folder. */
    dataDir: z.string().optional(),
    ui: z
      .object({
        defaultTextSize: z.enum(textSizes).default('standard'),
        /** Idle seconds on a screen holding personal data before the spoken warning. */
        idleSeconds: z.number().int().min(10).default(60),
        /** Countdown after the warning before personal data is cleared. */
        warningSeconds: z.number().int().min(5).default(20),
      })
      .default({ defaultTextSize: 'standard', idleSeconds: 60, warningSeconds: 20 }),
    webHost: z
      .object({
        /** The kiosk's own screen: 0 picks a free port. It only ever listens on 127.0.0.1. */
        port: z.number().int().min(0).max(65535).default(0),
        /**
         * The specialist desk for a specialist's own device: a listener of its own
         * (main/webhost/desk-host.ts) that serves only the desk, behind its PIN login,
         * and never a resident's channel. Loopback by default (a second screen or
         * browser on this machine); an address of this machine on the station's LAN
         * (e.g. "192.168.1.20", or "0.0.0.0" for every interface) lets a
         * specialist's tablet or laptop in. `enabled: false` turns it off.
         */
        desk: z
          .object({
            enabled: z.boolean().default(true),
            address: z.union([z.ipv4(), z.ipv6()]).default('127.0.0.1'),
            /** 0 picks a free port (printed at start); give a fixed one for a LAN device's bookmark. */
            port: z.number().int().min(0).max(65535).default(0),
            /**
             * HTTPS for a desk on a LAN address (main/webhost/desk-tls.ts): 'auto' (default) makes the
             * station's own self-signed certificate (its fingerprint printed at start); or the
             * operator's PEM files { cert, key }. A desk on loopback stays plain HTTP with 'auto'.
             */
            tls: z
              .union([z.literal('auto'), z.object({ cert: z.string().min(1), key: z.string().min(1) }).strict()])
              .default('auto'),
          })
          .strict()
          .default({ enabled: true, address: '127.0.0.1', port: 0, tls: 'auto' }),
      })
      .strict()
      .default({ port: 0, desk: { enabled: true, address: '127.0.0.1', port: 0, tls: 'auto' } }),
    /**
     * Calls for help. A TV box at home names the station whose desk takes its calls
     * (its registered id at the sync server); a kiosk leaves it null. `pollSeconds`:
     * how often a station looks for TV calls, and a TV for the answer to its own.
     */
    help: z
      .object({
        station: z.string().min(1).max(100).nullable().default(null),
        pollSeconds: z.number().min(0.2).max(300).default(5),
      })
      .strict()
      .default({ station: null, pollSeconds: 5 }),
    devices: devicesConfigSchema,
    store: storeConfigSchema,
    sync: syncConfigSchema,
    speech: speechConfigSchema,
    /**
     * What the QR codes encode: `payment` (with {order} and optionally {amount}) and
     * `status` (with {tracking}), https URL templates a resident's phone opens.
     */
    links: linksConfigSchema,
    /** Who may log in at the specialist desk ({ id, name, pinHash }); empty: the development specialist. */
    specialists: specialistsConfigSchema,
    /**
     * The face check of 养老资格认证. `challenges` pins what is asked, in order, instead of a random
     * pair: for tests and demonstrations only (a known sequence is easier to replay), so a
     * production station refuses it.
     */
    face: z
      .object({ challenges: z.array(challengeKindSchema).min(1).max(3).optional() })
      .strict()
      .default({}),
  })
  .strict();

export type StationConfig = z.infer<typeof stationConfigSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function parseStationConfig(raw: unknown): StationConfig {
  const parsed = stationConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new ConfigError(`Station config is invalid:\n${issues}`);
  }
  return parsed.data;
}

/** Reads the config file; a missing file means all defaults. */
export function loadStationConfig(file: string | undefined): StationConfig {
  if (!file) return parseStationConfig({});
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`Cannot read station config ${file}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`Station config ${file} is not valid JSON: ${(e as Error).message}`);
  }
  return parseStationConfig(json);
}
