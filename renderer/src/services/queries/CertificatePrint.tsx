// 证明打印: the resident's 参保证明 from their social-insurance record (live, or the
// kiosk's saved copy, which the paper then says), previewed on screen, printed on
// the receipt printer. A print that fails (paper out, cover open…) is said
// plainly and 再打印一次 stays; the screen says where to take the paper.
import { useEffect, useMemo, useState } from 'react';
import type { CertificatePrintout, PrintFailureReason } from '../../../../common/domain/receipt.js';
import type { ResidentIdentity } from '../../../../common/flow/identity.js';
import { maskIdNumber } from '../../../../common/domain/id-number.js';
import { useApi } from '../../api/ApiContext.js';
import { RequireIdentity } from '../../identity/RequireIdentity.js';
import { Screen } from '../../design/Screen.js';
import { Button } from '../../design/Button.js';
import { useReadAloud } from '../../read-aloud/ReadAloudContext.js';
import { t } from '../../i18n/zh-CN.js';
import type { ServiceScreenProps } from '../registry.js';
import { ServiceFrame } from './ServiceFrame.js';
import { insuranceCertificate } from './certificate.js';
import { cacheNotice } from './social-insurance-words.js';
import { lookupFailureWords } from './lookup-words.js';
import { useSocialInsurance } from './useSocialInsurance.js';
import { printFailureWords } from './print-words.js';

const s = t.queries.certificate;

type Printing = { state: 'idle' } | { state: 'printing' } | { state: 'printed' } | { state: 'failed'; reason: PrintFailureReason | 'unavailable' | 'error' };

function Preview({ doc }: { doc: CertificatePrintout }) {
  return (
    <article className="paper" aria-label={doc.title} data-testid="certificate-preview">
      <h3 className="paper-title">{doc.title}</h3>
      <p>{s.doc.holder(doc.holderName)}</p>
      <p>{s.doc.idLine(maskIdNumber(doc.idNumber))}</p>
      {doc.body.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p>{s.doc.issuedBy(doc.issuedBy)}</p>
    </article>
  );
}

function Certificate({ identity, finish }: { identity: ResidentIdentity; finish(): void }) {
  const api = useApi();
  const { speak } = useReadAloud();
  const { lookup, retry } = useSocialInsurance(identity.idNumber);
  const [printing, setPrinting] = useState<Printing>({ state: 'idle' });
  // Built once per answer, so a reprint is the same paper with the same time on it.
  const doc = useMemo(
    () =>
      lookup.state === 'found'
        ? insuranceCertificate({ record: lookup.answer.record, idNumber: identity.idNumber, source: lookup.answer.source, fetchedAt: lookup.answer.fetchedAt, issuedAt: new Date() })
        : null,
    [lookup, identity.idNumber],
  );

  const print = async () => {
    if (!doc || printing.state === 'printing') return;
    setPrinting({ state: 'printing' });
    const r = await api.call('printer:print', { document: doc });
    if (r.ok && r.value.printed) {
      setPrinting({ state: 'printed' });
      void speak(`${s.printed}${s.takeIt}${s.whereToTake}`);
    } else {
      const reason = r.ok ? (r.value.printed ? 'error' : r.value.reason) : r.error.code === 'unavailable' ? 'unavailable' : 'error';
      setPrinting({ state: 'failed', reason });
      void speak(`${s.failed}${printFailureWords(reason)}`);
    }
  };

  // 返回 after printing (or failing to) shows the preview again rather than leaving the service.
  const toPreview = () => setPrinting({ state: 'idle' });
  const cached = lookup.state === 'found' && lookup.answer.source === 'cache' ? cacheNotice(lookup.answer.fetchedAt) : null;
  const problem = lookup.state === 'none' ? t.queries.socialInsurance.notFound : lookup.state === 'failed' ? lookupFailureWords(lookup.error) : null;
  const cachedSpoken = cached?.spoken ?? '';
  useEffect(() => {
    if (problem) void speak(problem);
    else if (doc) void speak(`${cachedSpoken}${s.previewHint}`);
  }, [problem, doc, cachedSpoken, speak]);

  if (lookup.state === 'loading') {
    return (
      <Screen id="cert-loading" title={s.title}>
        <p className="query-big" role="status">
          {t.queries.common.loading}
        </p>
      </Screen>
    );
  }
  const done = (primary: boolean) => (
    <Button variant={primary ? 'primary' : 'secondary'} autoFocusOnMount={primary} onClick={finish} data-action="done">
      {t.queries.common.done}
    </Button>
  );
  if (problem || !doc) {
    return (
      <Screen id="cert-unavailable" title={s.title} prompt={problem ?? undefined}>
        <p className="query-big" role="alert">
          {problem}
        </p>
        <div className="actions">
          {lookup.state === 'failed' ? (
            <Button onClick={retry} data-action="retry">
              {t.queries.common.tryAgain}
            </Button>
          ) : null}
          {done(true)}
        </div>
      </Screen>
    );
  }
  if (printing.state === 'printed') {
    const words = `${s.printed}${s.takeIt}${s.whereToTake}`;
    return (
      <Screen id="cert-printed" title={s.title} prompt={words} onBack={toPreview}>
        <p className="query-big" role="status">
          {s.printed}
          {s.takeIt}
        </p>
        <p className="notice">{s.whereToTake}</p>
        <div className="actions">
          <Button onClick={() => void print()} data-action="print-again">
            {t.queries.common.printAgain}
          </Button>
          {done(true)}
        </div>
      </Screen>
    );
  }
  if (printing.state === 'failed') {
    const why = printFailureWords(printing.reason);
    return (
      <Screen id="cert-print-failed" title={s.title} prompt={`${s.failed}${why}`} onBack={toPreview}>
        <p className="query-big" role="alert">
          {s.failed}
        </p>
        <p className="notice notice-warn">{why}</p>
        <div className="actions">
          <Button variant="primary" autoFocusOnMount onClick={() => void print()} data-action="print-again">
            {t.queries.common.printAgain}
          </Button>
          {done(false)}
        </div>
      </Screen>
    );
  }
  return (
    <Screen id="cert-preview" title={s.title}>
      {cached ? (
        <p className="notice notice-warn" data-testid="cache-notice">
          {cached.shown}
        </p>
      ) : null}
      <h2>{s.previewHeading}</h2>
      <p className="lead">{s.previewHint}</p>
      <Preview doc={doc} />
      {printing.state === 'printing' ? (
        <p className="query-big" role="status">
          {s.printing}
        </p>
      ) : null}
      <div className="actions">
        <Button variant="primary" autoFocusOnMount onClick={() => void print()} data-action="print">
          {s.print}
        </Button>
      </div>
    </Screen>
  );
}

export function CertificatePrint({ serviceId }: ServiceScreenProps) {
  return (
    <ServiceFrame serviceId={serviceId}>
      {(finish) => <RequireIdentity title={s.title}>{(identity) => <Certificate key={identity.idNumber} identity={identity} finish={finish} />}</RequireIdentity>}
    </ServiceFrame>
  );
}
