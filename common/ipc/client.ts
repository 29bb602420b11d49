// The renderer's API client: one typed interface, two transports (the Electron
// preload's `window.kiosk`, or a WebSocket to the web host), chosen at start.
import type { ArgsOf, ChannelName, EventOf, ResultOf, StreamArgsOf, StreamName } from './contract.js';
import type { IpcResult } from './result.js';

/** What a transport must do: deliver one call, or open one subscription. */
export interface Transport {
  call(channel: string, args: unknown): Promise<IpcResult<unknown>>;
  /** Returns an unsubscribe function; the subscription also ends when the transport closes. */
  subscribe(stream: string, args: unknown, onEvent: (event: unknown) => void): () => void;
}

export interface KioskApi {
  call<C extends ChannelName>(channel: C, args: ArgsOf<C>): Promise<IpcResult<ResultOf<C>>>;
  subscribe<S extends StreamName>(stream: S, args: StreamArgsOf<S>, onEvent: (event: EventOf<S>) => void): () => void;
}

/** Wraps a transport in the typed API. Validation happens on the receiving side (main). */
export function createKioskApi(transport: Transport): KioskApi {
  return {
    call: (channel, args) => transport.call(channel, args) as never,
    subscribe: (stream, args, onEvent) => transport.subscribe(stream, args, onEvent as (e: unknown) => void),
  };
}
