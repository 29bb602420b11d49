// The satisfaction rating after every service: five big faces (the catalogue's
// words and scores, 5 = 满意 … 1 = 不满意), by touch or D-pad, stored anonymously
// with store:rate-satisfaction. Reused by the query services and the application
// flows:
//
//   <Satisfaction serviceId="policy-qa" onDone={() => nav.home()} />
//   <Satisfaction serviceId={id} applicationId={submitted.id} onDone={...} />
//
// onDone gets the score stored, or null when the resident chose 不评价.
import { useEffect, useState } from 'react';
import type { ServiceId } from '../../../common/domain/catalogue-summary.js';
import { builtinSatisfaction, scoreFromSpeech } from '../../../common/catalogue/satisfaction.js';
import { satisfactionSchema, type SatisfactionDefinition } from '../../../common/catalogue/schema/satisfaction.js';
import { useApi } from '../api/ApiContext.js';
import { Screen } from '../design/Screen.js';
import { Button } from '../design/Button.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { t } from '../i18n/zh-CN.js';
import { Face } from './queries/Face.js';
import { useListen } from './queries/voice/useListen.js';
import { HELP_AFTER_MISSES, missWords } from './queries/voice/misses.js';
import { afterTwoMisses } from '../voice/reprompts.js';
import { useAppInfo } from '../app/AppInfoContext.js';
import { VoiceButton } from './queries/voice/VoiceButton.js';
import './queries/queries.css';

export interface SatisfactionProps {
  serviceId: ServiceId;
  /** The application this rating is about, when the service submitted one. */
  applicationId?: string;
  onDone(score: number | null): void;
}

/** Used until (or if) the station's catalogue answers: the same words the catalogue ships with. */
const fallback: SatisfactionDefinition = satisfactionSchema.parse(builtinSatisfaction);

type Phase = { kind: 'ask'; failed: boolean } | { kind: 'saving'; score: number } | { kind: 'thanks'; score: number };

export function Satisfaction({ serviceId, applicationId, onDone }: SatisfactionProps) {
  const api = useApi();
  const { uiMode } = useAppInfo();
  const { speak } = useReadAloud();
  const [def, setDef] = useState<SatisfactionDefinition>(fallback);
  const [loaded, setLoaded] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'ask', failed: false });
  const s = t.queries.satisfaction;
  const { listening, listen } = useListen();
  const [heard, setHeard] = useState<string | null>(null);
  const [voiceProblem, setVoiceProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.call('catalogue:get', {}).then((r) => {
      if (!live) return;
      if (r.ok) setDef(r.value.catalogue.satisfaction);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [api]);

  // The question is asked aloud when it appears: many residents cannot read it.
  useEffect(() => {
    if (loaded) void speak(def.prompt.say);
  }, [loaded, def, speak]);

  const rate = async (score: number) => {
    if (phase.kind === 'saving') return; // a second press while the first is being stored
    setPhase({ kind: 'saving', score });
    const r = await api.call('store:rate-satisfaction', { serviceId, score, ...(applicationId ? { applicationId } : {}) });
    if (r.ok) {
      setPhase({ kind: 'thanks', score });
      void speak(def.thanks);
    } else {
      setPhase({ kind: 'ask', failed: true });
      void speak(s.failed);
    }
  };

  const byVoice = async () => {
    setVoiceProblem(null);
    setHeard(null);
    const v = t.queries.voice;
    // Options in screen order, so 第一个 means the face on the left.
    const options = [...def.faces]
      .sort((a, b) => b.score - a.score)
      .map((f) => ({ id: String(f.score), label: f.label, synonyms: f.voice.slice(0, 10) }));
    const out = await listen({ kind: 'choice', options });
    if (!out.ok) {
      setVoiceProblem(out.failure === 'no-microphone' ? v.noMic : v.unavailable);
      return;
    }
    const r = out.result;
    const score = r.kind === 'final' ? (r.intent ? Number(r.intent) : scoreFromSpeech(def, r.text)) : null;
    if (score && score >= 1 && score <= 5) {
      setHeard(r.text);
      void rate(score);
    } else if (r.reason !== 'cancelled') {
      // From the second miss on, what works instead: at the kiosk the buttons, and the specialist
      // only if useListen's call reached the desk; on a TV the remote and where help is.
      const miss = missWords(r);
      const words = out.misses >= HELP_AFTER_MISSES ? afterTwoMisses({ uiMode, helpCalled: out.helpCalled }) : { text: miss, say: miss };
      setVoiceProblem(words.text);
      void speak(words.say);
    }
  };

  if (phase.kind === 'thanks') {
    return (
      <Screen id="satisfaction-thanks" title={def.prompt.title} prompt={def.thanks}>
        {heard ? (
          <p className="voice-heard" data-testid="voice-heard">
            {t.queries.voice.heard(heard)}
          </p>
        ) : null}
        <p className="query-big" role="status" data-testid="satisfaction-thanks">
          {def.thanks}
        </p>
        <div className="actions">
          <Button variant="primary" autoFocusOnMount onClick={() => onDone(phase.score)} data-action="satisfaction-done">
            {s.done}
          </Button>
        </div>
      </Screen>
    );
  }

  // Faces from best to worst, left to right, as the catalogue lists them.
  const faces = [...def.faces].sort((a, b) => b.score - a.score);
  return (
    <Screen id="satisfaction" title={def.prompt.title} prompt={def.prompt.say}>
      <p className="lead">{def.prompt.say}</p>
      {phase.kind === 'ask' && phase.failed ? (
        <p className="notice notice-warn" role="alert">
          {s.failed}
        </p>
      ) : null}
      {phase.kind === 'saving' ? <p role="status">{s.saving}</p> : null}
      <div className="faces" role="group" aria-label={s.facesLabel}>
        {faces.map((f) => (
          <Button
            key={f.score}
            className="face"
            icon={<Face score={f.score} />}
            data-score={f.score}
            onClick={() => void rate(f.score)}
          >
            {f.label}
          </Button>
        ))}
      </div>
      <VoiceButton listening={listening} onListen={() => void byVoice()} heard={heard} />
      {voiceProblem ? (
        <p className="notice notice-warn" role="alert">
          {voiceProblem}
        </p>
      ) : null}
      <div className="actions">
        {/* No face is chosen for the resident: 不评价 takes focus, so an OK pressed out
            of habit (after 办完了) records nothing rather than a rating nobody gave. */}
        <Button variant="plain" autoFocusOnMount onClick={() => onDone(null)} data-action="satisfaction-skip">
          {s.skip}
        </Button>
      </div>
    </Screen>
  );
}
