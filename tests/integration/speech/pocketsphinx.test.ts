// The embedded recognizer on real audio: the real libpocketsphinx.so.3 through
// koffi, the real tdt_sc_8k model, the committed clips and ../shared's real
// Mandarin recordings.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPocketSphinxRecognizer } from '../../../speech/recognition/pocketsphinx-recognizer.js';
import { RecognizerError, type Recognizer } from '../../../speech/recognition/recognizer.js';
import { GrammarError } from '../../../speech/grammar/dictionary.js';
import { parseWav } from '../../../speech/audio/wav.js';
import { chunks, clip, provisionedModelDir, realClips, tempDir } from './helpers.js';
import { pinyinProLoaded } from '../../../speech/pinyin-engine.js';

let modelDir: string;
let rec: Recognizer;

let pinyinBefore: boolean;
beforeAll(async () => {
  modelDir = await provisionedModelDir();
  pinyinBefore = pinyinProLoaded();
  rec = createPocketSphinxRecognizer({ modelDir });
});
afterAll(() => rec?.dispose());

function recognize(samples: Int16Array, step: Parameters<Recognizer['start']>[0]) {
  const s = rec.start(step);
  const partials = chunks(samples).map((c) => s.accept(c)).filter((p) => p !== null);
  return { final: s.end(), partials };
}

// Decoding every real recording takes seconds of CPU: on a slow or busy machine more than the
// suite's 30 s. A time limit here would test the machine, not the recognizer.
describe('PocketSphinx recognizer', { timeout: 180_000 }, () => {
  it('brings pinyin-pro with its model: its free text is matched by sound from the first turn, not loaded in the middle of one', () => {
    expect(pinyinBefore).toBe(false);
    expect(pinyinProLoaded()).toBe(true);
  });

  it('hears the e2e home commands and names the service', () => {
    const a = recognize(clip('e2e/home-subsistence-allowance'), { kind: 'home' });
    expect(a.final).toMatchObject({ kind: 'final', intent: 'subsistence-allowance', text: '低保申请' });
    expect(a.final.confidence).toBeGreaterThan(0.6);
    // Again after other speech: the decoder's running cepstral mean has moved on.
    recognize(realClips()[0]!.samples, { kind: 'home' });
    expect(recognize(clip('e2e/home-subsistence-allowance'), { kind: 'home' }).final).toMatchObject({ kind: 'final', intent: 'subsistence-allowance' });
  });

  it('while asking 我听着像是…，对吗？ (checking), a real 是 is heard as yes and real speech still is not', () => {
    expect(recognize(clip('clips/confirm-yes-1'), { kind: 'home', checking: 'subsistence-allowance' }).final).toMatchObject({ kind: 'final', intent: 'yes' });
    const payFor = { kind: 'choice' as const, checking: 'self', options: [{ id: 'self', label: '只给自己' }, { id: 'family', label: '只给家人' }, { id: 'both', label: '自己和家人' }] };
    for (const r of realClips()) {
      for (const step of [{ kind: 'home' as const, checking: 'subsistence-allowance' }, payFor]) {
        const { final } = recognize(r.samples, step);
        expect(final.kind, `${r.name} at ${step.kind}: ${final.text}`).toBe('rejected');
      }
    }
  });

  it('streams partial results while the resident is still speaking', () => {
    const { partials } = recognize(clip('e2e/home-subsistence-allowance'), { kind: 'home' });
    expect(partials.length).toBeGreaterThan(0);
    expect(partials.every((p) => p.kind === 'partial')).toBe(true);
  });

  it('never confirms anything on the real Mandarin recordings (none is a command), nor takes them for a number', () => {
    // The widest quantity the kiosk asks for (a month's income up to 100 000 元): the model loads its grammar.
    const income = { kind: 'quantity' as const, max: 100_000, units: ['元', '块', '块钱'] };
    for (const r of realClips()) {
      for (const step of [{ kind: 'confirm' as const }, { kind: 'home' as const }, income]) {
        const { final } = recognize(r.samples, step);
        expect(final.kind, `${r.name} at ${step.kind}: ${final.text}`).toBe('rejected');
      }
    }
  });

  it('tells real speech apart in a closed set built from screen labels (the capture path handles real audio)', () => {
    const transcripts: Record<string, string> = {
      'wenet/NST-ID001.wav': '作为一个男人最起码的这个担当',
      'wenet/NST-ID002.wav': '但是对他们是很大的刺激的这些事情',
      'funasr/funasr_api-asr_example.wav': '欢迎大家来体验达摩院推出的语音识别模型',
      'wenet/aishell-BAC009S0724W0121.wav': '广州市房地产中介协会分析',
    };
    const options = Object.entries(transcripts).map(([id, label]) => ({ id, label: label.slice(0, 40) }));
    let right = 0;
    // A fresh decoder: its running cepstral mean has not been pulled around by the other tests.
    const fresh = createPocketSphinxRecognizer({ modelDir });
    for (const r of realClips().filter((c) => c.name in transcripts)) {
      const s = fresh.start({ kind: 'choice', options });
      for (const c of chunks(r.samples)) s.accept(c);
      const ev = s.end();
      // What was heard counts even when the confidence gate held it back.
      if (ev.intent === r.name || ev.text.startsWith(transcripts[r.name]!)) right++;
    }
    fresh.dispose();
    expect(right).toBeGreaterThanOrEqual(3);
  });

  it('never accepts silence or noise of any colour or level (white noise looks like 是 to the model)', () => {
    const silence = new Int16Array(16000 * 2);
    expect(recognize(silence, { kind: 'confirm' }).final).toMatchObject({ kind: 'rejected' });
    const dir = tempDir('noise');
    for (const colour of ['white', 'pink', 'brown']) {
      for (const vol of ['0.05', '0.3', '0.9']) {
        const file = path.join(dir, `${colour}-${vol}.wav`);
        execFileSync('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', file, 'synth', '2', `${colour}noise`, 'vol', vol]);
        const samples = parseWav(fs.readFileSync(file)).samples;
        for (const kind of ['confirm', 'digits', 'home'] as const) {
          const { final } = recognize(samples, { kind });
          expect(final.kind, `${colour} noise at ${vol}, ${kind} step: heard ${final.text}`).toBe('rejected');
        }
      }
    }
  });

  it('with the hesitation check (on by default), a lone 嗯 or 喂 is a hesitation, while commands still are heard', () => {
    // Both fresh, so each hears the clips after the same history (the noise estimate carries over).
    const unchecked = createPocketSphinxRecognizer({ modelDir, hesitationCheck: false });
    const checked = createPocketSphinxRecognizer({ modelDir });
    try {
      const hear = (r: Recognizer, name: string, step: Parameters<Recognizer['start']>[0]) => {
        const s = r.start(step);
        for (const c of chunks(clip(name))) s.accept(c);
        return s.end();
      };
      // Without the check the 喂 clip is forced onto 不是 (a no) at a confirm step, and the 嗯 clip onto 重复.
      expect(hear(unchecked, 'clips/hesitation-confirm-2', { kind: 'confirm' })).toMatchObject({ kind: 'final', intent: 'no' });
      expect(hear(checked, 'clips/hesitation-confirm-2', { kind: 'confirm' })).toMatchObject({ kind: 'rejected', reason: 'out-of-grammar' }); // a miss there
      expect(hear(unchecked, 'clips/hesitation-home-0', { kind: 'home' })).toMatchObject({ kind: 'final', intent: 'repeat' });
      expect(hear(checked, 'clips/hesitation-home-0', { kind: 'home' })).toMatchObject({ kind: 'rejected', reason: 'hesitation' });
      expect(hear(checked, 'e2e/home-subsistence-allowance', { kind: 'home' })).toMatchObject({ kind: 'final', intent: 'subsistence-allowance' });
      // Unrelated speech the loop also explains better is not taken for a pause: it is a miss.
      for (const r of realClips()) {
        for (const step of [{ kind: 'confirm' as const }, { kind: 'home' as const }]) {
          const s = checked.start(step);
          for (const c of chunks(r.samples)) s.accept(c);
          const heard = s.end();
          expect(heard.kind, r.name).toBe('rejected');
          expect(heard.reason, `${r.name} at ${step.kind}: ${heard.text}`).not.toBe('hesitation');
        }
      }
    } finally {
      unchecked.dispose();
      checked.dispose();
    }
  });

  it('one session at a time: starting a new one closes the old', () => {
    const first = rec.start({ kind: 'home' });
    const second = rec.start({ kind: 'confirm' });
    expect(first.closed).toBe(true);
    expect(() => first.accept(new Int16Array(160))).toThrow(RecognizerError);
    second.cancel();
    expect(second.closed).toBe(true);
  });

  it('refuses a screen label the dictionary cannot say, loudly', () => {
    expect(() => rec.prepare({ kind: 'choice', options: [{ id: 'x', label: '𠮷' }] })).toThrow(GrammarError);
  });

  it('gives typed errors for a missing model or library', () => {
    expect(() => createPocketSphinxRecognizer({ modelDir: tempDir('empty') })).toThrow(expect.objectContaining({ code: 'model-missing' }));
    expect(() => createPocketSphinxRecognizer({ modelDir, library: 'libno-such-pocketsphinx.so' })).toThrow(expect.objectContaining({ code: 'library-missing' }));
  });

  it('reports a corrupt model as model-corrupt', () => {
    const bad = path.join(tempDir('bad-model'), 'm');
    fs.cpSync(modelDir, bad, { recursive: true });
    fs.writeFileSync(path.join(bad, 'model', 'hmm', 'zh', 'tdt_sc_8k', 'mdef'), 'not a model definition');
    expect(() => createPocketSphinxRecognizer({ modelDir: bad })).toThrow(expect.objectContaining({ code: 'model-corrupt' }));
  });
});
