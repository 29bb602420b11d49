// Small helpers to declare channels and streams so that each area's file reads
// like a table: name → argument schema → result schema → who may call it.
import type { z } from 'zod';

/** Default cap on the JSON size of a call's arguments; channels carrying photos raise it. */
export const DEFAULT_MAX_ARG_BYTES = 64 * 1024;

/**
 * Who may call a channel, checked by main's dispatcher before the handler runs.
 * A connection is either the kiosk's own screen (the resident's: Electron's page,
 * the web host's launch-code session) or a specialist's own device at the station
 * (the web host's desk listener, see main/webhost/desk-host.ts), which nobody
 * vouched for until its specialist logs in with a PIN:
 * - 'public': any connection, a desk device before its login included: how a
 *   desk session starts, and what says nothing about any resident (the
 *   catalogue, the station's status);
 * - 'resident': the kiosk's own screen only, with no desk login (the resident's
 *   own services: the card in the reader, their records, speech, the printer); a
 *   desk device gets `forbidden`, logged in or not;
 * - 'specialist': only a caller whose own connection (WebSocket, Electron page)
 *   holds a live desk session; anyone else gets `forbidden`.
 * A channel whose access depends on what is asked (a resident's own list vs the
 * whole queue, an application vs a 代办) declares a function of its parsed args.
 * It is a required part of every declaration, so a new channel cannot forget it.
 */
export type Access = 'public' | 'resident' | 'specialist';
// A method signature (bivariant in its argument), so every channel's table still
// fits the plain ChannelDef the dispatcher reads.
export type AccessRule<A> = Access | { rule(args: A): Access }['rule'];

export interface ChannelDef<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly kind: 'channel';
  readonly args: A;
  readonly result: R;
  readonly maxArgBytes: number;
  readonly access: AccessRule<z.output<A>>;
}

export interface StreamDef<A extends z.ZodType = z.ZodType, E extends z.ZodType = z.ZodType> {
  readonly kind: 'stream';
  readonly args: A;
  readonly event: E;
  readonly access: Access;
}

export function channel<A extends z.ZodType, R extends z.ZodType>(
  args: A,
  result: R,
  opts: { access: AccessRule<z.output<A>>; maxArgBytes?: number },
): ChannelDef<A, R> {
  return { kind: 'channel', args, result, access: opts.access, maxArgBytes: opts.maxArgBytes ?? DEFAULT_MAX_ARG_BYTES };
}

export function stream<A extends z.ZodType, E extends z.ZodType>(args: A, event: E, opts: { access: Access }): StreamDef<A, E> {
  return { kind: 'stream', args, event, access: opts.access };
}
