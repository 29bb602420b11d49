// Every recognition step the flow screens can ask for, for every question of the
// built-in catalogue on both surfaces (and the camera in each of its states),
// builds against the real PocketSphinx dictionary: a word it lacks would make the
// station throw GrammarError on that screen, and the resident would be stuck.
// Needs the model's dictionary: `npm run provision:models` (or ../shared/models).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { QuestionStep } from '../../../common/catalogue/schema/steps.js';
import { controlIntentIds } from '../../../common/catalogue/voice-synonyms.js';
import { stepSpecSchema } from '../../../common/ipc/channels/speech.js';
import { stepSpecFor } from '../../../renderer/src/flow/flow-voice.js';
import type { PhotoPhase } from '../../../renderer/src/flow/usePhotoCapture.js';
import { loadDictionary } from '../../../speech/grammar/dictionary.js';
import { buildStepGrammar } from '../../../speech/grammar/step-grammar.js';
import { createIntentMatcher } from '../../../speech/intent/match.js';
import { defaultPocketSphinxModelDir, POCKETSPHINX_MODEL_NAME } from '../../../speech/models/paths.js';
import { buildKeywordSet, defaultKeywordThresholds } from '../../../speech/kws/keyword-lines.js';
import { tokenDictionary } from '../../../speech/kws/token-dictionary.js';
import { ALL_MERGERS } from '../../../speech/kws/accent.js';
import { stepKeywords } from '../../../speech/recognition/sherpa-kws-recognizer.js';
import { catalogue, everySpec, kwsTokens, otherSpecs, questionView } from '../../support/every-voice-step.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DIC = path.join('model', 'lm', 'zh_CN', 'mandarin_notone.dic');
const candidates = [
  path.join(defaultPocketSphinxModelDir(), DIC),
  path.join(process.env.XIANGYIN_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared'), 'models', POCKETSPHINX_MODEL_NAME, DIC),
];
const dicFile = candidates.find((f) => fs.existsSync(f));
if (!dicFile) throw new Error(`No PocketSphinx dictionary at ${candidates.join(' or ')}: run npm run provision:models`);
const dict = loadDictionary(dicFile);


describe('flow voice grammars against the real dictionary', () => {
  const specs = everySpec();

  it('covers the camera, skip and help steps', () => {
    const ids = new Set(specs.flatMap(({ spec }) => (spec.kind === 'choice' ? spec.options.map((o) => o.id) : spec.kind === 'digits' ? (spec.extra ?? []).map((o) => o.id) : [])));
    for (const id of [...controlIntentIds, 'help']) expect(ids.has(id), id).toBe(true);
    expect(specs.some(({ spec }) => spec.kind === 'digits' && spec.extra)).toBe(true);
  });

  it('every step is valid for speech:listen-start and builds with every word in the dictionary', () => {
    for (const { where, spec } of specs) {
      expect(stepSpecSchema.safeParse(spec).success, where).toBe(true);
      expect(() => buildStepGrammar(spec, dict), where).not.toThrow();
    }
  });

  it('every step, and the home screen, the warning and the queries, builds as the keyword spotter\'s keywords with every accent variant', () => {
    const kwsDict = tokenDictionary(kwsTokens);
    for (const { where, spec } of [...specs, ...otherSpecs()]) {
      expect(() => buildKeywordSet(stepKeywords(buildStepGrammar(spec, kwsDict)), kwsTokens, defaultKeywordThresholds, ALL_MERGERS), where).not.toThrow();
    }
  });

  it('no catalogue option is called like one of the flow’s own controls (it would be pressed, not answered)', () => {
    for (const service of catalogue.services)
      for (const step of service.steps)
        if (step.kind === 'question' && (step.field.kind === 'choice' || step.field.kind === 'relationship'))
          for (const o of step.field.options) expect([...controlIntentIds, 'help'], `${service.id}/${step.id}`).not.toContain(o.value);
  });

  it('hears the words of the photo and skip steps as their buttons, segmented by the real dictionary', () => {
    // A document photo: the face is taken by the liveness check, whose fallback is a button, not 跳过.
    const photoStep = catalogue.services.flatMap((s) => s.steps).find((s): s is QuestionStep => s.kind === 'question' && s.field.kind === 'photo' && s.field.subject !== 'face')!;
    const faceStep = catalogue.services.flatMap((s) => s.steps).find((s): s is QuestionStep => s.kind === 'question' && s.field.kind === 'photo' && s.field.subject === 'face')!;
    expect(createIntentMatcher(buildStepGrammar(stepSpecFor(questionView(faceStep, 'kiosk', true), null, 'failed')!, dict)).match('跳过')).toBeNull();
    const matcher = (phase: PhotoPhase, canSkip = false) => createIntentMatcher(buildStepGrammar(stepSpecFor(questionView(photoStep, 'kiosk', canSkip), null, phase)!, dict));
    const preview = matcher('preview', true);
    for (const w of ['拍照', '拍吧', '拍', '好了', '准备好了', '我要拍照', '第一个']) expect(preview.match(w), w).toEqual({ intent: 'take-photo', exact: true });
    for (const w of ['跳过', '不留', '没有', '不用']) expect(preview.match(w), w).toEqual({ intent: 'skip', exact: true });
    const shot = matcher('shot');
    for (const w of ['用这张', '可以', '好', '是']) expect(shot.match(w), w).toEqual({ intent: 'use-photo', exact: true });
    for (const w of ['重拍', '再拍一张', '不行', '不是']) expect(shot.match(w), w).toEqual({ intent: 'retake-photo', exact: true });
    expect(shot.match('跳过')).toBeNull();

    const phoneStep = catalogue.services.flatMap((s) => s.steps).find((s): s is QuestionStep => s.kind === 'question' && s.field.kind === 'phone')!;
    const phone = createIntentMatcher(buildStepGrammar(stepSpecFor(questionView(phoneStep, 'kiosk', true), null, 'opening')!, dict));
    expect(phone.match('不留')).toEqual({ intent: 'skip', exact: true });
    expect(phone.match('幺三八幺二三四五六七八')).toEqual({ digits: '13812345678' });
  });
});
