/// <reference types="vite/client" />
// (vite/client: voice-session.ts reaches capture.ts, which imports the worklet as a Vite ?worker&url module.)
// A listening turn cancelled while it is still starting — a newer press, or the
// resident leaving the screen — must undo what it began: end the station's
// session, and close the microphone if it opened meanwhile. Before, cancel() did
// nothing until the station had answered, and a microphone that opened after the
// cancel stayed open for good. The transport and the microphone are test doubles
// (there is no browser here); the order of events is what is under test.
import { describe, expect, it } from 'vitest';
import { createKioskApi, type Transport } from '../../../common/ipc/client.js';
import type { Capture, CaptureOptions } from '../../../renderer/src/voice/capture.js';
import { VoiceSession } from '../../../renderer/src/voice/voice-session.js';
import { onResidentActivity } from '../../../renderer/src/session/resident-activity.js';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function fakeStation() {
  const calls: { channel: string; args: unknown }[] = [];
  const startReply = deferred<unknown>();
  let deliver: (event: unknown) => void = () => {};
  const transport: Transport = {
    call(channel, args) {
      calls.push({ channel, args });
      if (channel === 'speech:listen-start') return startReply.promise.then((value) => ({ ok: true as const, value }));
      return Promise.resolve({ ok: true as const, value: {} });
    },
    subscribe: (_stream, _args, onEvent) => ((deliver = onEvent), () => {}),
  };
  return { api: createKioskApi(transport), calls, answerStart: (sessionId: string, autoGain = false) => startReply.resolve({ sessionId, autoGain }), result: (e: unknown) => deliver(e) };
}

function fakeMicrophone() {
  const opened = deferred<Capture>();
  let openCalls = 0;
  let stops = 0;
  const asked: CaptureOptions[] = [];
  const capture: Capture = {
    stop: async () => void stops++,
  };
  return {
    open: (o: CaptureOptions) => (openCalls++, asked.push(o), opened.promise),
    asked,
    finishOpening: () => opened.resolve(capture),
    get openCalls() {
      return openCalls;
    },
    get stops() {
      return stops;
    },
  };
}

/** A session the station has started, its microphone asked for and still opening. */
async function openingSession(sessionId: string) {
  const station = fakeStation();
  const mic = fakeMicrophone();
  const s = new VoiceSession(station.api, { onPartial: () => {} }, mic.open);
  const starting = s.start({ kind: 'confirm' });
  station.answerStart(sessionId);
  await new Promise((r) => setTimeout(r, 0));
  return { station, mic, s, starting };
}

describe('a voice session cancelled while starting', () => {
  it('before the station answered: the station session is cancelled and the microphone never opens', async () => {
    const station = fakeStation();
    const mic = fakeMicrophone();
    const s = new VoiceSession(station.api, { onPartial: () => {} }, mic.open);
    const starting = s.start({ kind: 'confirm' });
    s.cancel();
    expect((await s.result).reason).toBe('cancelled');
    station.answerStart('s-1');
    await starting;
    expect(station.calls.filter((c) => c.channel === 'speech:listen-cancel').map((c) => c.args)).toEqual([{ sessionId: 's-1' }]);
    expect(mic.openCalls).toBe(0);
  });

  it('while the microphone was opening: it is closed as soon as it opens', async () => {
    const { station, mic, s, starting } = await openingSession('s-2');
    expect(mic.openCalls).toBe(1);
    s.cancel();
    mic.finishOpening();
    await starting;
    expect(mic.stops).toBe(1);
    expect(station.calls.some((c) => c.channel === 'speech:listen-cancel')).toBe(true);
    expect(station.calls.some((c) => c.channel === 'speech:listen-audio')).toBe(false);
  });
});

describe('a voice session that heard something', () => {
  it('tells the inactivity guard the resident is here, understood or not; silence does not', async () => {
    const page = new EventTarget();
    (globalThis as { window?: EventTarget }).window = page;
    try {
      let notes = 0;
      onResidentActivity(() => notes++, page);
      for (const [text, expected] of [['帮我退回', 1], ['', 0]] as const) {
        notes = 0;
        const { station, mic, s, starting } = await openingSession('s-3');
        mic.finishOpening();
        await starting;
        station.result({ sessionId: 's-3', kind: 'rejected', text, confidence: 0.3, reason: text ? 'low-confidence' : 'no-speech' });
        await s.result;
        expect(notes, `heard 「${text}」`).toBe(expected);
      }
    } finally {
      delete (globalThis as { window?: EventTarget }).window;
    }
  });
});

describe('the microphone a voice session opens', () => {
  it("has the browser's automatic gain exactly when the station's engine asks for it", async () => {
    for (const autoGain of [false, true]) {
      const station = fakeStation();
      const mic = fakeMicrophone();
      const s = new VoiceSession(station.api, { onPartial: () => {} }, mic.open);
      const starting = s.start({ kind: 'confirm' });
      station.answerStart('s-9', autoGain);
      mic.finishOpening();
      await starting;
      expect(mic.asked.map((o) => o.autoGain)).toEqual([autoGain]);
      s.cancel();
    }
  });
});
