// Speech area: spoken prompts (espeak-ng behind a prompt cache) and recognition
// (the neural keyword spotter by default; PocketSphinx or Vosk where configured).
// The recognizer loads once, when the renderer's first screen is up and asks for
// speech:status (off the path to the first screen), or on first use if sooner; a station without a
// provisioned model still starts and speaks, and recognition then answers
// 'unavailable' with the reason.
import { IpcFailure } from '../../../common/ipc/result.js';
import { SpeakerError } from '../../../speech/speaker.js';
import { createEspeakSpeaker } from '../../../speech/tts/espeak-speaker.js';
import { withPromptCache, type CachingSpeaker } from '../../../speech/tts/prompt-cache.js';
import { createRecognizer, selectedEngine } from '../../../speech/create-recognizer.js';
import { RecognizerError, type Recognizer } from '../../../speech/recognition/recognizer.js';
import { GrammarError } from '../../../speech/grammar/dictionary.js';
import { ListenManager } from '../../../speech/session/listen-manager.js';
import type { ModuleFactory } from '../module.js';
import { startupMark } from '../startup-trace.js';

function pcmFromBase64(b64: string): Int16Array {
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length % 2 !== 0) throw new IpcFailure('invalid-args', 'speech:listen-audio: PCM must be whole 16-bit samples');
  const pcm = new Int16Array(bytes.length / 2);
  for (let i = 0; i < pcm.length; i++) pcm[i] = bytes.readInt16LE(2 * i);
  return pcm;
}

export const speechModule: ModuleFactory = ({ config, services, platform }) => {
  const log = platform.log.child('speech');
  const { tts, recognition } = config.speech;
  const speaker: CachingSpeaker | null =
    tts.engine === 'espeak-ng' ? withPromptCache(createEspeakSpeaker({ voice: tts.voice, wordsPerMinute: tts.rate, amplitude: tts.volume }), tts.cacheEntries) : null;
  if (speaker) services.provide('speaker', speaker);

  const engine = selectedEngine(recognition);
  let recognizer: Recognizer | null = null;
  let unavailable: string | undefined = engine ? undefined : '本站未开启语音识别';
  const getRecognizer = (): Recognizer => {
    if (recognizer) return recognizer;
    if (unavailable) throw new IpcFailure('unavailable', unavailable);
    try {
      recognizer = createRecognizer(recognition);
      if (!recognizer) throw new RecognizerError('model-missing', 'recognition is off');
      log.info('recognizer loaded', { engine: recognizer.engine });
      startupMark(log, 'recognizer loaded');
      return recognizer;
    } catch (e) {
      if (!(e instanceof RecognizerError)) throw e;
      // Remembered: retrying a missing model on every button press only slows the kiosk.
      unavailable = `语音识别暂不可用：${e.message}`;
      log.warn('recognition unavailable', { code: e.code });
      throw new IpcFailure('unavailable', unavailable);
    }
  };
  const listens = new ListenManager({ recognizer: getRecognizer });
  // Not loaded here: loading the model holds the host's only thread for a
  // quarter of a second to seconds (more on a set-top box), and at start-up
  // that is exactly when Chromium asks for the first page. The renderer asks
  // speech:status once its first screen is up (HomeScreen), which loads it
  // then; failing that, the first listen does.
  const guard = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof GrammarError) throw new IpcFailure('invalid-args', e.message);
      if (e instanceof RecognizerError) throw new IpcFailure(e.code === 'session-closed' ? 'not-found' : 'unavailable', e.message);
      throw e;
    }
  };

  return {
    name: 'speech',
    handlers: {
      'speech:synthesize': async ({ text, rate, volume }) => {
        if (!speaker) throw new IpcFailure('unavailable', '本站未开启语音播报');
        try {
          const clip = await speaker.synthesize(text, { rate, volume });
          return { wavBase64: clip.wav.toString('base64'), durationMs: clip.durationMs };
        } catch (e) {
          if (e instanceof SpeakerError) throw new IpcFailure('unavailable', e.message);
          throw e;
        }
      },
      'speech:clear-prompts': () => {
        speaker?.clear();
        return {};
      },
      'speech:status': () => {
        let state: 'ready' | 'unavailable' | 'off' = 'off';
        if (engine) {
          try {
            getRecognizer();
            state = 'ready';
          } catch {
            state = 'unavailable';
          }
        }
        return { recognition: state, engine: recognizer?.engine ?? engine ?? undefined, message: unavailable, prompts: speaker ? 'ready' : 'off' };
      },
      'speech:listen-start': ({ step, noSpeechMs }) => guard(() => ({ sessionId: listens.start(step, { noSpeechTimeoutMs: noSpeechMs }), autoGain: getRecognizer().browserGain })),
      'speech:listen-audio': ({ sessionId, pcmBase64 }) => guard(() => (listens.audio(sessionId, pcmFromBase64(pcmBase64)), {})),
      'speech:listen-end': ({ sessionId }) => guard(() => listens.end(sessionId)),
      'speech:listen-cancel': ({ sessionId }) => (listens.cancel(sessionId), {}),
    },
    streams: {
      'speech:results': (_args, emit) => listens.subscribe(emit),
    },
    dispose: async () => {
      listens.dispose();
      recognizer?.dispose();
      await speaker?.dispose();
    },
  };
};
