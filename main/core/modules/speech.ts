// Speech area: spoken prompts now; recognition arrives with the voice issue.
import { IpcFailure } from '../../../common/ipc/result.js';
import { SpeakerError, type Speaker } from '../../../speech/speaker.js';
import { createEspeakSpeaker } from '../../../speech/tts/espeak-speaker.js';
import type { ModuleFactory } from '../module.js';

export const speechModule: ModuleFactory = ({ config, services }) => {
  const tts = config.speech.tts;
  const speaker: Speaker | null = tts.engine === 'espeak-ng' ? createEspeakSpeaker({ voice: tts.voice, wordsPerMinute: tts.rate }) : null;
  if (speaker) services.provide('speaker', speaker);
  return {
    name: 'speech',
    handlers: {
      'speech:synthesize': async ({ text, rate }) => {
        if (!speaker) throw new IpcFailure('unavailable', '本站未开启语音播报');
        try {
          const clip = await speaker.synthesize(text, rate === undefined ? {} : { rate });
          return { wavBase64: clip.wav.toString('base64'), durationMs: clip.durationMs };
        } catch (e) {
          if (e instanceof SpeakerError) throw new IpcFailure('unavailable', e.message);
          throw e;
        }
      },
    },
    dispose: () => speaker?.dispose(),
  };
};
