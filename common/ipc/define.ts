// Small helpers to declare channels and streams so that each area's file reads
// like a table: name → argument schema → result schema.
import type { z } from 'zod';

/** Default cap on the JSON size of a call's arguments; channels carrying photos raise it. */
export const DEFAULT_MAX_ARG_BYTES = 64 * 1024;

export interface ChannelDef<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly kind: 'channel';
  readonly args: A;
  readonly result: R;
  readonly maxArgBytes: number;
}

export interface StreamDef<A extends z.ZodType = z.ZodType, E extends z.ZodType = z.ZodType> {
  readonly kind: 'stream';
  readonly args: A;
  readonly event: E;
}

export function channel<A extends z.ZodType, R extends z.ZodType>(args: A, result: R, opts: { maxArgBytes?: number } = {}): ChannelDef<A, R> {
  return { kind: 'channel', args, result, maxArgBytes: opts.maxArgBytes ?? DEFAULT_MAX_ARG_BYTES };
}

export function stream<A extends z.ZodType, E extends z.ZodType>(args: A, event: E): StreamDef<A, E> {
  return { kind: 'stream', args, event };
}
