// Before a service starts: has this resident already filed the same thing this
// period (the catalogue's repeatPeriod: 养老认证 and the allowances once a year)?
// If so, say which application, its status and its date, and let them go on only
// on purpose: 返回首页 has the focus, 继续办理 is there for a real second one.
// The store answers only about the identity on screen (main scopes the channel);
// if it cannot answer, nothing stands in the resident's way.
import { useEffect, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { sameKindApplicationSchema } from '../../../common/ipc/channels/store.js';
import type { ResidentIdentity } from '../../../common/flow/identity.js';
import type { ServiceId } from '../../../common/domain/catalogue-summary.js';
import { useApi } from '../api/ApiContext.js';
import { useNav } from '../app/navigation.js';
import { Button } from '../design/Button.js';
import { Screen } from '../design/Screen.js';
import { t } from '../i18n/zh-CN.js';
import { visitStrings } from '../i18n/visit.zh-CN.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { plainDate, spokenDate } from '../services/queries/dates.js';

type Earlier = z.infer<typeof sameKindApplicationSchema>;
const w = visitStrings.sameKind;

export function SameKindGate({ serviceId, title, identity, children }: { serviceId: ServiceId; title: string; identity: ResidentIdentity; children: ReactNode }) {
  const api = useApi();
  const [earlier, setEarlier] = useState<Earlier | null | undefined>(undefined);
  const [goOn, setGoOn] = useState(false);
  useEffect(() => {
    let live = true;
    void api.call('store:same-kind-application', { serviceId, idNumber: identity.idNumber }).then((r) => live && setEarlier(r.ok ? r.value.application : null));
    return () => {
      live = false;
    };
  }, [api, serviceId, identity.idNumber]);

  if (earlier === undefined) {
    return (
      <Screen id={`service-${serviceId}-checking`} title={title}>
        <p className="lead">{t.flow.loading}</p>
      </Screen>
    );
  }
  if (earlier === null || goOn) return <>{children}</>;
  return <AlreadyFiled serviceId={serviceId} title={title} earlier={earlier} onContinue={() => setGoOn(true)} />;
}

function AlreadyFiled({ serviceId, title, earlier, onContinue }: { serviceId: string; title: string; earlier: Earlier; onContinue(): void }) {
  const nav = useNav();
  const { speak } = useReadAloud();
  const status = t.queries.applications.status[earlier.status];
  const spoken = w.spoken(title, spokenDate(earlier.createdAt), status, earlier.localTrackingNumber);
  useEffect(() => {
    void speak(spoken);
  }, [speak, spoken]);
  return (
    <Screen id={`service-${serviceId}-already`} title={title} prompt={spoken}>
      <h2>{w.title}</h2>
      <p className="lead" data-testid="already-filed">
        {w.lead(title, plainDate(earlier.createdAt), status)}
      </p>
      <p className="lead" data-testid="already-tracking">
        {w.tracking(earlier.localTrackingNumber)}
      </p>
      {/* The two big answers of a question screen: going home is the safe one, so it has the focus. */}
      <div className="option-grid" role="group" aria-label={w.title}>
        <Button variant="primary" className="option" autoFocusOnMount onClick={nav.home} data-action="already-home">
          {w.home}
        </Button>
        <Button className="option" onClick={onContinue} data-action="already-continue">
          {w.continue}
        </Button>
      </div>
    </Screen>
  );
}
