// Validates every incoming call against the contract before it reaches a service,
// and turns every failure into a typed `{ ok: false, error }`. Nothing a caller
// sends (unknown channel, wrong types, a huge payload, a throwing handler) can
// crash the core. Both hosts (Electron IPC, web-host WebSocket) go through here.
import { channels, isChannelName, isStreamName, streams } from '../../common/ipc/contract.js';
import { fail, IpcFailure, ok, type IpcResult } from '../../common/ipc/result.js';
import type { CallContext, Handlers, StreamSources } from './module.js';
import type { Logger } from './logger.js';

export interface Dispatcher {
  call(channel: unknown, args: unknown, ctx: CallContext): Promise<IpcResult<unknown>>;
  /** Opens a subscription; the returned function ends it. Errors are returned, not thrown. */
  subscribe(stream: unknown, args: unknown, emit: (event: unknown) => void, ctx: CallContext): IpcResult<() => void>;
}

/** Byte length of the arguments as JSON; undefined args count as empty. */
function jsonSize(value: unknown): number {
  try {
    const text = JSON.stringify(value ?? {});
    return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY; // cyclic or BigInt: refuse as if too large
  }
}

export function createDispatcher(handlers: Handlers, sources: StreamSources, log: Logger): Dispatcher {
  return {
    async call(channel, args, ctx) {
      if (!isChannelName(channel)) return fail('unknown-channel', `No channel named ${String(channel).slice(0, 80)}`);
      const def = channels[channel];
      const size = jsonSize(args);
      if (size > def.maxArgBytes) return fail('payload-too-large', `${channel}: arguments are ${size} bytes, the limit is ${def.maxArgBytes}`);
      const parsed = def.args.safeParse(args ?? {});
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        return fail('invalid-args', `${channel}: ${first ? `${first.path.join('.') || '(args)'} ${first.message}` : 'invalid arguments'}`);
      }
      const handler = handlers[channel] as ((a: unknown, c: CallContext) => unknown) | undefined;
      if (!handler) return fail('unavailable', `${channel} is not available on this station`);
      try {
        const value = await handler(parsed.data, ctx);
        const checked = def.result.safeParse(value);
        if (!checked.success) {
          log.error('handler returned a value outside the contract', { channel, issue: checked.error.issues[0]?.message });
          return fail('internal', `${channel}: the service answered outside the contract`);
        }
        return ok(checked.data);
      } catch (e) {
        if (e instanceof IpcFailure) return fail(e.code, e.message);
        // Log the channel and error class only: messages can carry personal data.
        log.error('handler threw', { channel, error: (e as Error)?.name ?? 'unknown' });
        return fail('internal', `${channel} failed`);
      }
    },

    subscribe(stream, args, emit, ctx) {
      if (!isStreamName(stream)) return fail('unknown-channel', `No stream named ${String(stream).slice(0, 80)}`);
      const def = streams[stream];
      const parsed = def.args.safeParse(args ?? {});
      if (!parsed.success) return fail('invalid-args', `${stream}: ${parsed.error.issues[0]?.message ?? 'invalid arguments'}`);
      const source = sources[stream] as ((a: unknown, e: (ev: unknown) => void, c: CallContext) => () => void) | undefined;
      if (!source) return fail('unavailable', `${stream} is not available on this station`);
      try {
        const stop = source(parsed.data, emit, ctx);
        let stopped = false;
        return ok(() => {
          if (stopped) return;
          stopped = true;
          try {
            stop();
          } catch (e) {
            log.warn('stream stop threw', { stream, error: (e as Error)?.name });
          }
        });
      } catch (e) {
        log.error('stream source threw', { stream, error: (e as Error)?.name });
        return fail('internal', `${stream} failed to start`);
      }
    },
  };
}
