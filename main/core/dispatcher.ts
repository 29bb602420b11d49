// Validates every incoming call against the contract before it reaches a service,
// and turns every failure into a typed `{ ok: false, error }`. Nothing a caller
// sends (unknown channel, wrong types, a huge payload, a throwing handler) can
// crash the core. Both hosts (Electron IPC, web-host WebSocket) go through here.
//
// It is also where access is decided: each channel declares in the contract who
// may call it ('public': any connection; 'resident': the kiosk's own screen;
// 'specialist': a caller whose own connection holds a live desk session), and a
// caller without the right session, or a specialist's own device asking for a
// resident's channel, gets `forbidden` before its arguments are even parsed. Handlers are told the
// session's specialist, so an audit entry's "who" never comes from the caller.
import type { Specialist } from '../../common/domain/specialist.js';
import { channels, isChannelName, isStreamName, streams } from '../../common/ipc/contract.js';
import type { Access, AccessRule } from '../../common/ipc/define.js';
import { fail, IpcFailure, ok, type IpcResult } from '../../common/ipc/result.js';
import type { CallContext, HandlerContext, Handlers, StreamSources } from './module.js';
import type { Logger } from './logger.js';

export interface Dispatcher {
  call(channel: unknown, args: unknown, ctx: CallContext): Promise<IpcResult<unknown>>;
  /** Opens a subscription; the returned function ends it. Errors are returned, not thrown. */
  subscribe(stream: unknown, args: unknown, emit: (event: unknown) => void, ctx: CallContext): IpcResult<() => void>;
  /** The host says a connection is gone (socket closed, page navigated away): its desk session ends. */
  disconnect(connection: string): void;
}

/** Who is logged in at the desk, per connection (the specialist area provides it). */
export interface DeskAuthority {
  /** The specialist of this connection's live session (after the idle rule), or null. */
  specialistFor(connection: string): Specialist | null;
  connectionClosed(connection: string): void;
}

/** A station without a desk (a test's module list): nobody holds a session. */
const noDesk: DeskAuthority = { specialistFor: () => null, connectionClosed: () => undefined };

const FORBIDDEN_MESSAGE = '请先登录工作人员账号 (needs a specialist logged in at this screen)';
const RESIDENT_ONLY_MESSAGE = '这是居民屏幕上的功能，工作人员自己的设备用不了 (only the kiosk screen may call this)';

/** Byte length of the arguments as JSON; undefined args count as empty. */
function jsonSize(value: unknown): number {
  try {
    const text = JSON.stringify(value ?? {});
    return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY; // cyclic or BigInt: refuse as if too large
  }
}

/** The access a call needs, once its arguments are known. */
function accessFor(rule: AccessRule<unknown>, args: unknown): Access {
  return typeof rule === 'function' ? rule(args) : rule;
}

export function createDispatcher(handlers: Handlers, sources: StreamSources, log: Logger, deskOf: () => DeskAuthority | undefined = () => undefined): Dispatcher {
  const desk = () => deskOf() ?? noDesk;
  const handlerContext = (ctx: CallContext): HandlerContext => ({
    host: ctx.host,
    connection: ctx.connection,
    surface: ctx.surface ?? 'kiosk',
    specialist: typeof ctx.connection === 'string' ? desk().specialistFor(ctx.connection) : null,
  });
  /** Why this caller may not use a channel needing `need`, or null when it may. */
  const refusal = (need: Access, ctx: HandlerContext): string | null => {
    if (need === 'specialist' && !ctx.specialist) return FORBIDDEN_MESSAGE;
    if (need === 'resident' && ctx.surface === 'desk') return RESIDENT_ONLY_MESSAGE;
    return null;
  };

  return {
    async call(channel, args, callCtx) {
      if (!isChannelName(channel)) return fail('unknown-channel', `No channel named ${String(channel).slice(0, 80)}`);
      const def = channels[channel];
      const ctx = handlerContext(callCtx);
      // A channel whose access is fixed refuses before looking at the arguments: a caller without the right learns nothing from them.
      const early = typeof def.access === 'function' ? null : refusal(def.access, ctx);
      if (early) return fail('forbidden', `${channel}: ${early}`);
      const size = jsonSize(args);
      if (size > def.maxArgBytes) return fail('payload-too-large', `${channel}: arguments are ${size} bytes, the limit is ${def.maxArgBytes}`);
      const parsed = def.args.safeParse(args ?? {});
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        return fail('invalid-args', `${channel}: ${first ? `${first.path.join('.') || '(args)'} ${first.message}` : 'invalid arguments'}`);
      }
      const late = refusal(accessFor(def.access as AccessRule<unknown>, parsed.data), ctx);
      if (late) return fail('forbidden', `${channel}: ${late}`);
      const handler = handlers[channel] as ((a: unknown, c: HandlerContext) => unknown) | undefined;
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

    subscribe(stream, args, emit, callCtx) {
      if (!isStreamName(stream)) return fail('unknown-channel', `No stream named ${String(stream).slice(0, 80)}`);
      const def = streams[stream];
      const ctx = handlerContext(callCtx);
      const refused = refusal(def.access, ctx);
      if (refused) return fail('forbidden', `${stream}: ${refused}`);
      const parsed = def.args.safeParse(args ?? {});
      if (!parsed.success) return fail('invalid-args', `${stream}: ${parsed.error.issues[0]?.message ?? 'invalid arguments'}`);
      const source = sources[stream] as ((a: unknown, e: (ev: unknown) => void, c: HandlerContext) => () => void) | undefined;
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

    disconnect(connection) {
      try {
        desk().connectionClosed(connection);
      } catch (e) {
        log.warn('ending a closed connection’s desk session threw', { error: (e as Error)?.name });
      }
    },
  };
}
