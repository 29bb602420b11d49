// How an area (devices, store and sync, speech, catalogue…) plugs into the station
// core: it contributes handlers for its contract channels, sources for its streams,
// and a dispose() the core calls at shutdown in reverse order of creation.
import type { z } from 'zod';
import type { Channels, EventOf, ResultOf, StreamName, Streams } from '../../common/ipc/contract.js';
import type { ChannelName } from '../../common/ipc/contract.js';
import type { Specialist } from '../../common/domain/specialist.js';
import { IpcFailure } from '../../common/ipc/result.js';
import type { StationConfig } from './config.js';
import type { Platform } from './platform.js';
import type { StatusHub } from './status-hub.js';

export interface CallContext {
  /** Which host delivered the call; the Electron shell and the web host both pass one. */
  readonly host: 'electron' | 'web';
  /**
   * The caller's connection (one WebSocket, one Electron page), unique for the
   * station's life. A desk session belongs to one connection: see the dispatcher.
   */
  readonly connection: string;
  /**
   * What the connection is: the kiosk's own screen (absent means that: Electron's
   * page, the web host's launch-code session), or a specialist's own device on
   * the desk listener, which may call only 'public' and, once logged in,
   * 'specialist' channels (see common/ipc/define.ts).
   */
  readonly surface?: Surface;
}

export type Surface = 'kiosk' | 'desk';

/** What a handler is told about its caller, after the dispatcher's access check. */
export interface HandlerContext extends CallContext {
  readonly surface: Surface;
  /** The specialist of the caller's own desk session; never null on a 'specialist' channel. */
  readonly specialist: Specialist | null;
}

/**
 * The caller's desk specialist, for handlers of 'specialist' channels: the
 * dispatcher has already refused callers without one, so this only guards a
 * handler called some other way.
 */
export function deskSpecialist(ctx: HandlerContext): Specialist {
  if (!ctx.specialist) throw new IpcFailure('forbidden', '请先登录工作人员账号');
  return ctx.specialist;
}

export type Handler<C extends ChannelName> = (
  args: z.output<Channels[C]['args']>,
  ctx: HandlerContext,
) => Promise<ResultOf<C>> | ResultOf<C>;

export type Handlers = { [C in ChannelName]?: Handler<C> };

/** Starts feeding `emit`; returns a function that stops it. */
export type StreamSource<S extends StreamName> = (
  args: z.output<Streams[S]['args']>,
  emit: (event: EventOf<S>) => void,
  ctx: HandlerContext,
) => () => void;

export type StreamSources = { [S in StreamName]?: StreamSource<S> };

export interface StationModule {
  readonly name: string;
  readonly handlers?: Handlers;
  readonly streams?: StreamSources;
  dispose?(): Promise<void> | void;
}

/** What a module factory is given. `modules` holds the modules created before it. */
export interface ModuleContext {
  readonly config: StationConfig;
  readonly platform: Platform;
  readonly status: StatusHub;
  readonly host: 'electron' | 'web';
  /** Services published by earlier modules, by name (e.g. 'store', 'devices'). */
  readonly services: ServiceRegistry;
}

export interface ServiceRegistry {
  get<T>(name: string): T | undefined;
  provide<T>(name: string, service: T): void;
}

export type ModuleFactory = (ctx: ModuleContext) => Promise<StationModule> | StationModule;
