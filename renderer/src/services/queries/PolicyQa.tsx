// 政策问答: the offline knowledge base. Topics as big buttons or said aloud (说出来,
// or the remote's voice key: 医保, 低保, 认证…), or a few typed words
// (policy:search matches by sound too, so 认正 finds 认证); then the questions,
// pressed or said; then the answer in big text, read aloud. No identity needed.
// 返回 (and the Back key) steps back inside: answer → questions → topics → home.
import { useEffect, useState, type FormEvent } from 'react';
import type { PolicyHit, PolicyTopicId } from '../../../../common/policy/schema.js';
import type { ResultOf } from '../../../../common/ipc/contract.js';
import { useApi } from '../../api/ApiContext.js';
import { useNav } from '../../app/navigation.js';
import { Screen } from '../../design/Screen.js';
import { Button } from '../../design/Button.js';
import { Pager } from '../../design/Pager.js';
import { useReadAloud } from '../../read-aloud/ReadAloudContext.js';
import { t } from '../../i18n/zh-CN.js';
import type { ServiceScreenProps } from '../registry.js';
import { ServiceFrame } from './ServiceFrame.js';
import { useServiceNames } from './useServiceNames.js';
import { policyTopics } from '../../../../common/policy/builtin.js';
import { VoiceButton } from './voice/VoiceButton.js';
import { VoiceProblem, useVoicePick } from './voice/useVoicePick.js';
import { questionGrammar, topicGrammar } from './voice/policy-grammar.js';

const s = t.queries.policy;

type Topic = ResultOf<'policy:topics'>['topics'][number];
type View =
  | { kind: 'topics'; failed: boolean }
  | { kind: 'questions'; heading: string; hits: PolicyHit[] }
  | { kind: 'answer'; hit: PolicyHit; from: { heading: string; hits: PolicyHit[] } };

function Topics({ onPick, onSearch, failed }: { onPick(t: Topic): void; onSearch(q: string): void; failed: boolean }) {
  const api = useApi();
  const [topics, setTopics] = useState<Topic[] | null>(null);
  const [query, setQuery] = useState('');
  const voice = useVoicePick();
  const byVoice = async () => {
    // The station's topic list, with the words residents use for each (from the built-in knowledge base).
    const shown = (topics ?? []).map((tp) => ({ ...tp, keywords: policyTopics.find((p) => p.id === tp.id)?.keywords ?? [] }));
    const id = await voice.pick(topicGrammar(shown));
    const topic = shown.find((tp) => tp.id === id);
    if (topic) onPick(topic);
  };
  useEffect(() => {
    let live = true;
    void api.call('policy:topics', {}).then((r) => live && setTopics(r.ok ? r.value.topics : []));
    return () => {
      live = false;
    };
  }, [api]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (query.trim()) onSearch(query.trim());
  };
  return (
    <Screen id="policy-topics" title={s.title}>
      <p className="lead">{s.lead}</p>
      {failed ? (
        <p className="notice notice-warn" role="alert">
          {t.queries.common.failed}
        </p>
      ) : null}
      <VoiceButton listening={voice.listening} onListen={() => void byVoice()} heard={voice.heard} />
      <VoiceProblem problem={voice.problem} />
      <Pager
        className="choice-grid"
        listProps={{ 'aria-label': s.topicsLabel }}
        items={(topics ?? []).map((topic, i) => (
          <li key={topic.id}>
            <Button autoFocusOnMount={i === 0} onClick={() => onPick(topic)} data-topic={topic.id}>
              {topic.label}
            </Button>
          </li>
        ))}
      />
      <form className="search-row" role="search" onSubmit={submit}>
        <label htmlFor="policy-query">{s.searchLabel}</label>
        <input
          id="policy-query"
          className="query-input"
          type="search"
          value={query}
          maxLength={40}
          placeholder={s.searchPlaceholder}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="policy-query"
        />
        <Button type="submit" data-action="search">
          {s.search}
        </Button>
      </form>
    </Screen>
  );
}

function Questions({ heading, hits, onPick, onTopics }: { heading: string; hits: PolicyHit[]; onPick(h: PolicyHit): void; onTopics(): void }) {
  const { speak } = useReadAloud();
  const words = hits.length ? s.pickQuestion : s.noHits;
  const voice = useVoicePick();
  const grammar = questionGrammar(hits);
  const byVoice = async () => {
    if (!grammar) return;
    const id = await voice.pick(grammar);
    const hit = hits.find((h) => h.id === id);
    if (hit) onPick(hit);
  };
  useEffect(() => {
    void speak(`${heading}。${words}`);
  }, [heading, words, speak]);
  return (
    <Screen id="policy-questions" title={s.title} onBack={onTopics}>
      <div className="list-head">
        <h2>{heading}</h2>
        <p className="lead" role={hits.length ? undefined : 'alert'}>
          {words}
        </p>
      </div>
      {grammar ? <VoiceButton listening={voice.listening} onListen={() => void byVoice()} heard={voice.heard} /> : null}
      <VoiceProblem problem={voice.problem} />
      <Pager
        className="choice-grid"
        listProps={{ 'aria-label': s.questionsLabel }}
        items={hits.map((h, i) => (
          <li key={h.id}>
            <Button autoFocusOnMount={i === 0} onClick={() => onPick(h)} data-question={h.id}>
              {h.question}
            </Button>
          </li>
        ))}
        actions={
          <Button variant={hits.length ? 'secondary' : 'primary'} autoFocusOnMount={!hits.length} onClick={onTopics} data-action="topics">
            {s.askAnother}
          </Button>
        }
      />
    </Screen>
  );
}

function Answer({ hit, onBackToList, finish }: { hit: PolicyHit; onBackToList(): void; finish(): void }) {
  const { speak } = useReadAloud();
  const nav = useNav();
  const names = useServiceNames();
  const spoken = `${hit.question}${hit.answer}`;
  useEffect(() => {
    void speak(spoken);
  }, [spoken, speak]);
  const service = hit.service && names[hit.service] ? hit.service : null;
  return (
    <Screen id="policy-answer" title={s.title} prompt={spoken} onBack={onBackToList}>
      <h2>{hit.question}</h2>
      <p className="answer" data-testid="policy-answer">
        {hit.answer}
      </p>
      <div className="actions">
        <Button onClick={() => void speak(spoken)} data-action="hear-again">
          {t.queries.common.hearAgain}
        </Button>
        <Button onClick={onBackToList} data-action="other-question">
          {s.askAnother}
        </Button>
        {service ? (
          <Button onClick={() => nav.go({ name: 'service', serviceId: service })} data-action="go-to-service">
            {`${s.goToService}：${names[service]}`}
          </Button>
        ) : null}
        <Button variant="primary" autoFocusOnMount onClick={finish} data-action="done">
          {t.queries.common.done}
        </Button>
      </div>
    </Screen>
  );
}

function Policy({ finish }: { finish(): void }) {
  const api = useApi();
  const [view, setView] = useState<View>({ kind: 'topics', failed: false });
  const list = async (args: { query: string; topic?: PolicyTopicId }, heading: string) => {
    const r = await api.call('policy:search', args);
    setView(r.ok ? { kind: 'questions', heading, hits: r.value.hits } : { kind: 'topics', failed: true });
  };
  if (view.kind === 'answer') return <Answer hit={view.hit} onBackToList={() => setView({ kind: 'questions', ...view.from })} finish={finish} />;
  if (view.kind === 'questions') {
    return (
      <Questions
        heading={view.heading}
        hits={view.hits}
        onPick={(hit) => setView({ kind: 'answer', hit, from: { heading: view.heading, hits: view.hits } })}
        onTopics={() => setView({ kind: 'topics', failed: false })}
      />
    );
  }
  return (
    <Topics
      failed={view.failed}
      onPick={(topic) => void list({ query: '', topic: topic.id }, topic.label)}
      onSearch={(query) => void list({ query }, s.resultsFor(query))}
    />
  );
}

export function PolicyQa({ serviceId }: ServiceScreenProps) {
  return <ServiceFrame serviceId={serviceId}>{(finish) => <Policy finish={finish} />}</ServiceFrame>;
}
