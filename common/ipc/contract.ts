// THE contract between the renderer and the station core. Every request/response
// channel and every event stream is listed here, with zod schemas for what goes in
// and what comes out. Main, the Electron preload and the web host all dispatch from
// this one table; nothing crosses a process boundary that is not named here.
//
// Each area declares its channels in channels/<area>.ts; add the area below.
import type { z } from 'zod';
import type { ChannelDef, StreamDef } from './define.js';
import { appChannels, appStreams } from './channels/app.js';
import { speechChannels } from './channels/speech.js';
import { catalogueChannels } from './channels/catalogue.js';
import { deviceChannels, deviceStreams } from './channels/devices.js';
import { storeChannels, storeStreams } from './channels/store.js';
import { speechStreams } from './channels/speech.js';
import { specialistChannels } from './channels/specialist.js';
import { helpChannels, helpStreams } from './channels/help.js';
import { identityChannels } from './channels/identity.js';

export const channels = {
  ...appChannels,
  ...speechChannels,
  ...catalogueChannels,
  ...deviceChannels,
  ...storeChannels,
  ...specialistChannels,
  ...helpChannels,
  ...identityChannels,
} satisfies Record<string, ChannelDef>;

export const streams = {
  ...appStreams,
  ...deviceStreams,
  ...storeStreams,
  ...speechStreams,
  ...helpStreams,
} satisfies Record<string, StreamDef>;

export type Channels = typeof channels;
export type Streams = typeof streams;
export type ChannelName = keyof Channels;
export type StreamName = keyof Streams;

export type ArgsOf<C extends ChannelName> = z.input<Channels[C]['args']>;
export type ResultOf<C extends ChannelName> = z.output<Channels[C]['result']>;
export type StreamArgsOf<S extends StreamName> = z.input<Streams[S]['args']>;
export type EventOf<S extends StreamName> = z.output<Streams[S]['event']>;

/** Channel names follow `area:verb`; checked by a unit test over the whole table. */
export const CHANNEL_NAME_PATTERN = /^[a-z]+(?:-[a-z]+)*:[a-z]+(?:-[a-z]+)*$/;

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

export function isStreamName(name: unknown): name is StreamName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(streams, name);
}
