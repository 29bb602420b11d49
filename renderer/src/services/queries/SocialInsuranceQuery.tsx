// 社保参保信息查询: who the resident is (ID card, or the keyed number on a TV), then
// their record in big plain words, read aloud with numbers spoken right. When
// the link is down the kiosk's saved copy is shown with its date (截至…).
import { useEffect } from 'react';
import type { ResidentIdentity } from '../../../../common/flow/identity.js';
import { Screen } from '../../design/Screen.js';
import { Button } from '../../design/Button.js';
import { useReadAloud } from '../../read-aloud/ReadAloudContext.js';
import { t } from '../../i18n/zh-CN.js';
import type { ServiceScreenProps } from '../registry.js';
import { IdentifiedService } from './ServiceFrame.js';
import { RecordDetails } from './RecordDetails.js';
import { cacheNotice, recordView } from './social-insurance-words.js';
import { useSocialInsurance } from './useSocialInsurance.js';
import { lookupFailureWords, noRecordWords } from './lookup-words.js';
import { LookupProblem } from './LookupProblem.js';

const s = t.queries.socialInsurance;

function Answer({ identity, finish }: { identity: ResidentIdentity; finish(): void }) {
  const { lookup, retry } = useSocialInsurance(identity.idNumber, identity.name);
  const { speak } = useReadAloud();
  const view = lookup.state === 'found' ? recordView(lookup.answer.record) : null;
  const cached = lookup.state === 'found' && lookup.answer.source === 'cache' ? cacheNotice(lookup.answer.fetchedAt) : null;
  const spoken =
    lookup.state === 'found' && view ? `${cached ? cached.spoken : ''}${view.spoken}` : lookup.state === 'none' ? noRecordWords(lookup.answer) : lookup.state === 'failed' ? lookupFailureWords(lookup.error) : undefined;

  // Read the answer as soon as it arrives: many residents cannot read it.
  useEffect(() => {
    if (spoken) void speak(spoken);
  }, [spoken, speak]);

  if (lookup.state === 'loading') {
    return (
      <Screen id="si-loading" title={s.title}>
        <p className="query-big" role="status">
          {t.queries.common.loading}
        </p>
      </Screen>
    );
  }
  const done = (
    <Button variant="primary" autoFocusOnMount onClick={finish} data-action="done">
      {t.queries.common.done}
    </Button>
  );
  if (lookup.state === 'found' && view) {
    return (
      <Screen id="si-record" title={s.title} prompt={spoken}>
        {cached ? (
          <p className="notice notice-warn" data-testid="cache-notice">
            {cached.shown}
          </p>
        ) : null}
        <h2>{view.heading}</h2>
        <RecordDetails view={view} actions={done} />
      </Screen>
    );
  }
  return <LookupProblem id={lookup.state === 'none' ? 'si-none' : 'si-failed'} title={s.title} message={spoken} onRetry={lookup.state === 'failed' ? retry : null} done={done} />;
}

export function SocialInsuranceQuery({ serviceId }: ServiceScreenProps) {
  return <IdentifiedService serviceId={serviceId} title={s.title} body={Answer} />;
}
