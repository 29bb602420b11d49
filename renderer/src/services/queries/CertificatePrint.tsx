// 证明打印: the resident's 参保证明 from their social-insurance record (live, or the
// kiosk's saved copy, which the paper then says), previewed on screen, printed on
// the receipt printer. A print that fails (paper out, cover open…) is said
// plainly and 再打印一次 stays; the screen says where to take the paper.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CertificatePrintout } from '../../../../common/domain/receipt.js';
import type { ResidentIdentity } from '../../../../common/flow/identity.js';
import { maskIdNumber } from '../../../../common/domain/id-number.js';
import { useApi } from '../../api/ApiContext.js';
import { Screen } from '../../design/Screen.js';
import { Button } from '../../design/Button.js';
import { Pager } from '../../design/Pager.js';
import { useReadAloud } from '../../read-aloud/ReadAloudContext.js';
import { t } from '../../i18n/zh-CN.js';
import type { ServiceScreenProps } from '../registry.js';
import { IdentifiedService } from './ServiceFrame.js';
import { insuranceCertificate } from '../../../../common/documents/insurance-certificate.js';
import { stationTimeZone } from '../../app/station-time.js';
import { cacheNotice } from './social-insurance-words.js';
import { lookupFailureWords, noRecordWords } from './lookup-words.js';
import { LookupProblem } from './LookupProblem.js';
import { useSocialInsurance } from './useSocialInsurance.js';
import { printFailureWords } from './print-words.js';
import { MAX_COPIES, printCopies, type CopyFailure, type PrintOne } from './print-copies.js';

const s = t.queries.certificate;

type Printing =
  | { state: 'idle' }
  | { state: 'printing' }
  | { state: 'printed'; copies: number }
  /** `left`: copies still to print when 再打印一次 is pressed. */
  | { state: 'failed'; reason: CopyFailure; printed: number; left: number };

/** The sheet as it will print, in pages that fit under the screen's title (the title of the paper on each). */
function Preview({ doc, actions }: { doc: CertificatePrintout; actions: ReactNode }) {
  const lines = [s.doc.holder(doc.holderName), s.doc.idLine(maskIdNumber(doc.idNumber)), ...doc.body, s.doc.issuedBy(doc.issuedBy)];
  return (
    <Pager
      as="article"
      className="paper"
      listProps={{ 'aria-label': doc.title, 'data-testid': 'certificate-preview' }}
      head={<h3 className="paper-title">{doc.title}</h3>}
      items={lines.map((line, i) => (
        <p key={`${i}-${line}`}>{line}</p>
      ))}
      actions={actions}
    />
  );
}

function Certificate({ identity, finish }: { identity: ResidentIdentity; finish(): void }) {
  const api = useApi();
  const { speak } = useReadAloud();
  const { lookup, retry } = useSocialInsurance(identity.idNumber, identity.name);
  const [printing, setPrinting] = useState<Printing>({ state: 'idle' });
  // Built once per answer, so a reprint is the same paper with the same time on it.
  const doc = useMemo(
    () =>
      lookup.state === 'found'
        ? insuranceCertificate({
            record: lookup.answer.record,
            idNumber: identity.idNumber,
            source: lookup.answer.source,
            fetchedAt: lookup.answer.fetchedAt,
            issuedAt: new Date(),
            timeZone: stationTimeZone(),
          })
        : null,
    [lookup, identity.idNumber],
  );

  const [copies, setCopies] = useState(1);
  const printOne: PrintOne = async () => {
    if (!doc || lookup.state !== 'found') return { printed: false, reason: 'error' };
    // Main prints the paper from the record it holds (the copy this preview shows), in the same words.
    const { source, fetchedAt } = lookup.answer;
    const r = await api.call('printer:print-certificate', { idNumber: identity.idNumber, ...(identity.name ? { name: identity.name } : {}), source, fetchedAt });
    if (r.ok) return r.value.printed ? { printed: true } : { printed: false, reason: r.value.reason };
    return { printed: false, reason: r.error.code === 'unavailable' ? 'unavailable' : 'error' };
  };
  /** Prints `n` copies; after a failure, 再打印一次 asks for the ones still owed. */
  const print = async (n: number) => {
    if (!doc || printing.state === 'printing') return;
    setPrinting({ state: 'printing' });
    const out = await printCopies(printOne, n);
    if (!out.failure) {
      setPrinting({ state: 'printed', copies: out.printed });
      void speak(`${s.printedCopies(out.printed)}${s.takeIt}${s.whereToTake}`);
    } else {
      setPrinting({ state: 'failed', reason: out.failure, printed: out.printed, left: n - out.printed });
      void speak(`${s.failed}${out.printed ? s.partlyPrinted(out.printed) : ''}${printFailureWords(out.failure)}`);
    }
  };

  // 返回 after printing (or failing to) shows the preview again rather than leaving the service.
  const toPreview = () => setPrinting({ state: 'idle' });
  const cached = lookup.state === 'found' && lookup.answer.source === 'cache' ? cacheNotice(lookup.answer.fetchedAt) : null;
  const problem = lookup.state === 'none' ? noRecordWords(lookup.answer) : lookup.state === 'failed' ? lookupFailureWords(lookup.error) : null;
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
    return <LookupProblem id="cert-unavailable" title={s.title} message={problem ?? undefined} onRetry={lookup.state === 'failed' ? retry : null} done={done(true)} />;
  }
  if (printing.state === 'printed') {
    const words = `${s.printedCopies(printing.copies)}${s.takeIt}${s.whereToTake}`;
    return (
      <Screen id="cert-printed" title={s.title} prompt={words} onBack={toPreview}>
        <p className="query-big" role="status">
          {s.printedCopies(printing.copies)}
          {s.takeIt}
        </p>
        <p className="notice">{s.whereToTake}</p>
        <div className="actions">
          <Button onClick={() => void print(1)} data-action="print-again">
            {t.queries.common.printAgain}
          </Button>
          {done(true)}
        </div>
      </Screen>
    );
  }
  if (printing.state === 'failed') {
    const why = printFailureWords(printing.reason);
    const part = printing.printed ? s.partlyPrinted(printing.printed) : '';
    const left = printing.left;
    return (
      <Screen id="cert-print-failed" title={s.title} prompt={`${s.failed}${part}${why}`} onBack={toPreview}>
        <p className="query-big" role="alert">
          {s.failed}
          {part}
        </p>
        <p className="notice notice-warn">{why}</p>
        <div className="actions">
          <Button variant="primary" autoFocusOnMount onClick={() => void print(left)} data-action="print-again">
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
      <div className="list-head">
        <h2>{s.previewHeading}</h2>
        <p className="lead">{s.previewHint}</p>
      </div>
      {printing.state === 'printing' ? (
        <p className="query-big" role="status">
          {s.printing}
        </p>
      ) : null}
      {/* 打几份 and 打印 on the sheet's own row, beside 上一页 / 下一页: a row more for the sheet. */}
      <Preview
        doc={doc}
        actions={
          <>
            <div className="copies" role="group" aria-labelledby="copies-label">
              <span id="copies-label">{s.copiesLabel}</span>
              {Array.from({ length: MAX_COPIES }, (_, i) => i + 1).map((n) => (
                <Button key={n} className="btn-toggle copies-choice" aria-pressed={copies === n} onClick={() => setCopies(n)} data-copies={n}>
                  {s.copy(n)}
                </Button>
              ))}
            </div>
            <Button variant="primary" autoFocusOnMount onClick={() => void print(copies)} data-action="print">
              {s.print}
            </Button>
          </>
        }
      />
    </Screen>
  );
}

export function CertificatePrint({ serviceId }: ServiceScreenProps) {
  return <IdentifiedService serviceId={serviceId} title={s.title} body={Certificate} />;
}
