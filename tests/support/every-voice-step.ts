// Every listening step the app can ask the station for: each question of the
// built-in catalogue on both surfaces (as the catalogue has it and as if
// optional, the camera in each of its states), the 哪一项不对 lists, the
// read-back and the submit window (everySpec); and the home screen, the 您还在吗
// warning and the policy topics and questions (otherSpecs). The grammar tests
// build them all against the real models; the pinyin table's test reads every
// word they hold.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinCatalogue } from '../../common/catalogue/builtin.js';
import { surfaces } from '../../common/catalogue/schema/fields.js';
import type { QuestionStep } from '../../common/catalogue/schema/steps.js';
import type { FlowView } from '../../common/flow/index.js';
import { offeredOptions } from '../../common/flow/validate.js';
import type { StepSpecInput } from '../../common/ipc/channels/speech.js';
import { stepSpecFor, submitWindowSpec } from '../../renderer/src/flow/flow-voice.js';
import type { PhotoPhase } from '../../renderer/src/flow/usePhotoCapture.js';
import { CONTINUE_STEP } from '../../renderer/src/session/continue-step.js';
import { questionGrammar, topicGrammar } from '../../renderer/src/services/queries/voice/policy-grammar.js';
import { builtinPolicyIndex, policyTopics } from '../../common/policy/builtin.js';
import { defaultKwsModelDir, KWS_MODEL_NAME } from '../../speech/kws/model.js';
import { loadTokenSet } from '../../speech/kws/keyword-lines.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The keyword spotter's token inventory (the default engine): every phrase must be sounds it knows.
const TOKENS = 'tokens.txt';
const tokenFile = [path.join(defaultKwsModelDir(), TOKENS), path.join(process.env.XIANGYIN_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared'), 'models', KWS_MODEL_NAME, TOKENS)].find((f) => fs.existsSync(f));
if (!tokenFile) throw new Error(`No keyword-spotting model tokens: run npm run provision:models`);
export const kwsTokens = loadTokenSet(tokenFile);

type Question = Extract<FlowView, { kind: 'question' }>;

export const catalogue = builtinCatalogue();
const phases: PhotoPhase[] = ['opening', 'preview', 'shot', 'failed'];

/** The question screen of a catalogue step, as the engine would draw it, optionally made skippable. */
export function questionView(step: QuestionStep, surface: (typeof surfaces)[number], canSkip: boolean): Question {
  const f = step.field;
  return {
    kind: 'question',
    key: step.id,
    prompt: step.prompt,
    field: { ...f, optional: canSkip },
    options: f.kind === 'choice' || f.kind === 'relationship' ? offeredOptions(f.options, surface) : [],
    value: undefined,
    error: null,
    repeat: null,
    canSkip,
    indicator: { current: 1, total: 1, text: '第 1 步，共 1 步' },
    say: step.prompt.say,
  };
}

export function everySpec(): { where: string; spec: StepSpecInput }[] {
  const out: { where: string; spec: StepSpecInput }[] = [];
  for (const service of catalogue.services) {
    const questions = service.steps.filter((s): s is QuestionStep => s.kind === 'question');
    for (const step of questions) {
      for (const surface of surfaces) {
        // Both as the catalogue has it and as if optional: any question may be made skippable.
        for (const canSkip of [step.field.optional, true]) {
          for (const phase of step.field.kind === 'photo' ? phases : (['opening'] as const)) {
            const spec = stepSpecFor(questionView(step, surface, canSkip), null, phase);
            if (spec) out.push({ where: `${service.id}/${step.id} ${surface}${canSkip ? ' optional' : ''} ${phase}`, spec });
          }
        }
      }
    }
    // 哪一项不对？ lists the answered questions by label (repeated ones as 第N位家人… / 您的家人…).
    const labels = questions.flatMap((s) =>
      s.repeat ? [s.repeat.single, ...[1, 2, 3].map((n) => s.repeat!.ordinal.replace('{n}', String(n)))].map((who) => `${who}${s.field.label}`) : [s.field.label],
    );
    for (let i = 0; i < labels.length; i += 12) {
      const items = labels.slice(i, i + 12).map((label, n) => ({ key: `k${i + n}`, label, display: '', spoken: '' }));
      const spec = stepSpecFor({ kind: 'choose-fix', items, say: '' }, null, 'opening');
      if (spec) out.push({ where: `${service.id} choose-fix ${i / 12}`, spec });
    }
  }
  out.push({ where: 'read-back', spec: { kind: 'confirm' } });
  out.push({ where: 'submit window', spec: submitWindowSpec });
  return out;
}


export function otherSpecs(): { where: string; spec: StepSpecInput }[] {
  return [
    { where: 'home', spec: { kind: 'home' } },
    { where: '您还在吗', spec: CONTINUE_STEP },
    { where: 'policy topics', spec: topicGrammar(policyTopics) },
    ...policyTopics.flatMap((t) => {
      const g = questionGrammar(builtinPolicyIndex().byTopic(t.id));
      return g ? [{ where: `policy questions ${t.id}`, spec: g }] : [];
    }),
  ];
}
