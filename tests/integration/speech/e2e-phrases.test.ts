// The words the voice e2e tests say, checked where a failure is cheap to read:
// each espeak phrase, at the rate its test uses, is put through the station's own
// recognizer (the default engine, as the kiosk builds it from its config) at the
// step where the test says it, in many alignments: 16 renderings (sox dithers
// each one differently, and a rendering can be heard differently at every start),
// each from two starts across one of the spotter's 0.64 s encoder chunks (16
// starts in all), at two levels. In Chromium, where a test's words fall varies
// from run to run, and each try is a fresh rendering. Before each stretch of
// speech had a stream of its own (kws/speech-stretches.ts), most of these phrases
// were heard in only 2-11 of 32, and CI failed on 医疗保险 at the policy topics
// after six tries; a phrase that turns marginal again fails here, by name, with
// its count. A phrase counts as heard only as itself: 可以提交 at the read-back
// was heard as 可以 with a 提交 outside the keywords, which passes only while that
// 提交 is short (in 89 of 96 tries offline, and CI failed on it three tries
// running in Chromium). A test's words are a keyword of their screen.
// Espeak's voice is not a resident's: how well real people are heard is
// bench:speech's business. This only keeps the e2e tests' residents audible.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWav } from '../../../speech/audio/wav.js';
import { speechConfigSchema } from '../../../speech/config.js';
import { createRecognizer } from '../../../speech/create-recognizer.js';
import { kwsModelManifest } from '../../../speech/kws/model.js';
import { provisionModel } from '../../../speech/models/provision.js';
import type { Recognizer } from '../../../speech/recognition/recognizer.js';
import type { StepSpecInput } from '../../../common/ipc/channels/speech.js';
import { policyTopics } from '../../../common/policy/builtin.js';
import { builtinSatisfaction } from '../../../common/catalogue/satisfaction.js';
import { stepSpecFor } from '../../../renderer/src/flow/flow-voice.js';
import { topicGrammar } from '../../../renderer/src/services/queries/voice/policy-grammar.js';
import { catalogue, questionView } from '../../support/every-voice-step.js';
import { espeakWav } from '../../support/espeak.js';
import { chunks, sharedDir, tempDir } from './helpers.js';

let rec: Recognizer;
beforeAll(async () => {
  const modelDir = path.join(tempDir('kws'), kwsModelManifest.name);
  await provisionModel({ manifest: kwsModelManifest, dest: modelDir, localSource: path.join(sharedDir, 'models', kwsModelManifest.name) });
  const station = speechConfigSchema.parse(undefined).recognition;
  rec = createRecognizer({ ...station, engine: 'sherpa-kws', sherpaKws: { ...station.sherpaKws, modelDir } })!;
});
afterAll(() => rec?.dispose());

const payment = catalogue.services.find((s) => s.id === 'medical-insurance-payment')!;
const question = (id: string) => {
  const step = payment.steps.find((s) => s.kind === 'question' && s.field.id === id);
  if (step?.kind !== 'question') throw new Error(`no question ${id}`);
  return stepSpecFor(questionView(step, 'kiosk', step.field.optional), null, 'opening')!;
};
const screen = (kind: 'intro' | 'summary') => stepSpecFor({ kind } as Parameters<typeof stepSpecFor>[0], null, 'opening')!;
const faces = [...builtinSatisfaction.faces].sort((a, b) => b.score - a.score).map((f) => ({ id: String(f.score), label: f.label, synonyms: (f.voice ?? []).slice(0, 10) }));

interface Said {
  readonly test: string;
  readonly text: string;
  readonly wordsPerMinute?: number;
  readonly spec: StepSpecInput;
  readonly intent: string;
}

/** What the e2e tests on the default engine say, where (the PocketSphinx ones keep the browser's gain: another path). */
const phrases: Said[] = [
  { test: 'voice-service: home', text: '医疗保险', spec: { kind: 'home' }, intent: 'medical-insurance-payment' },
  { test: 'voice-service: intro', text: '可以', spec: screen('intro'), intent: 'yes' },
  { test: 'voice-service: 给谁交', text: '只给自己', spec: question('payFor'), intent: 'self' },
  { test: 'voice-service: 怎么交钱', text: '第二个', spec: question('payMethod'), intent: 'village-office' },
  { test: 'voice-service: read-back', text: '是的', spec: screen('summary'), intent: 'yes' },
  { test: 'queries: policy topics', text: '医疗保险', spec: topicGrammar(policyTopics), intent: 'medical-insurance' },
  { test: 'queries: satisfaction', text: '不满意', spec: { kind: 'choice', options: faces }, intent: '1' },
];

const RENDERINGS = 16;
/** Rendering r starts at r/16 of an encoder chunk and half a chunk later, each at two levels. */
const alignments = (r: number) => [r * 640, r * 640 + 5120].flatMap((offset) => [0.3, 1].map((gain) => ({ offset: offset % 10240, gain })));
/**
 * With three tries a screen, 56 of 64 leaves about one failed screen in 500. A
 * rendering heard badly at one level costs 2: 是的 at the read-back is heard as
 * 是 alone (asked about again, then taken) at the quieter level in about one
 * rendering of 16, and never at the level Chromium's microphone gives.
 */
const FLOOR = 56;

function heardIn(samples: Int16Array, s: Said, rendering: number): string[] {
  const missed: string[] = [];
  for (const { offset, gain } of alignments(rendering)) {
    const moved = new Int16Array(offset + samples.length);
    moved.set(Int16Array.from(samples, (x) => Math.round(x * gain)), offset);
    const session = rec.start(s.spec);
    for (const c of chunks(moved)) session.accept(c);
    const r = session.end();
    if (r.kind !== 'final' || r.intent !== s.intent || r.text !== s.text) missed.push(`${offset}@${gain} ${r.kind} ${r.intent ?? ''} ${r.text} ${r.kind === 'rejected' ? r.reason : ''}`.trim());
  }
  return missed;
}

// 64 sessions a phrase: the policy topics' large keyword set takes ≈ 30 s on a quiet machine,
// the project's 30 s default, and more beside other test files. Time is not what this checks.
describe('the words the voice e2e tests say', { timeout: 180_000 }, () => {
  it.each(phrases)('$test: 「$text」 is heard in nearly every alignment', (s) => {
    const missed: string[] = [];
    for (let r = 0; r < RENDERINGS; r++) {
      const wav = path.join(tempDir('said'), 'said.wav');
      espeakWav(s.text, wav, { wordsPerMinute: s.wordsPerMinute });
      missed.push(...heardIn(parseWav(fs.readFileSync(wav)).samples, s, r));
    }
    const tried = RENDERINGS * alignments(0).length;
    const heard = tried - missed.length;
    console.log(`${s.test} 「${s.text}」 at ${s.wordsPerMinute ?? 130}: heard in ${heard} of ${tried}`);
    expect(heard, `missed as: ${missed.join(' | ')}`).toBeGreaterThanOrEqual(FLOOR);
  });
});
