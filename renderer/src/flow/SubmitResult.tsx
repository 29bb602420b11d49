// After 是: save the application for good, tell the resident in plain words what
// happens next, print the receipt, and follow the status (queued → accepted with
// the server's receipt number) while they are still at the screen.
import { useEffect, useRef, useState } from 'react';
import type { ServiceDefinition } from '../../../common/catalogue/schema/service.js';
import { afterSubmit } from '../../../common/flow/after-submit.js';
import { paymentDue, paymentWords } from '../../../common/flow/payment.js';
import { useApi } from '../api/ApiContext.js';
import { useAppInfo } from '../app/AppInfoContext.js';
import { Button } from '../design/Button.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { t } from '../i18n/zh-CN.js';
import type { SubmitArgs } from './to-application.js';
import { PaymentQr } from './PaymentQr.js';

type Saved = { id: string; tracking: string; createdAt: string; status: string; receipt: string | null };
type PrintState = { state: 'idle' | 'printing' | 'printed' } | { state: 'failed'; message: string };

export function SubmitResult({ service, args, onFinish }: { service: ServiceDefinition; args: SubmitArgs; onFinish(applicationId: string | null): void }) {
  const api = useApi();
  const info = useAppInfo();
  const { speak } = useReadAloud();
  const [saved, setSaved] = useState<Saved | null>(null);
  const [failed, setFailed] = useState(false);
  const [print, setPrint] = useState<PrintState>({ state: 'idle' });
  const draftId = useRef<string | null>(null);
  const started = useRef(false);

  // Save first as a draft, then submit that draft: a retry after a lost answer
  // submits the same application again, never a second one.
  const submit = async () => {
    setFailed(false);
    const content = { serviceId: args.serviceId, catalogueVersion: args.catalogueVersion, formData: args.formData, applicant: args.applicant, onBehalf: args.onBehalf };
    if (!draftId.current) {
      const d = await api.call('store:save-draft', content);
      if (!d.ok) return setFailed(true);
      draftId.current = d.value.id;
    }
    const r = await api.call('store:submit-application', { ...content, attachments: args.attachments, draftId: draftId.current });
    if (!r.ok) return setFailed(true);
    setSaved({ id: r.value.id, tracking: r.value.localTrackingNumber, createdAt: r.value.createdAt, status: r.value.status, receipt: null });
  };

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void submit();
  }, []);

  // Follow the status while the resident is here.
  useEffect(() => {
    if (!saved) return;
    const refresh = () =>
      void api.call('store:application-progress', { id: saved.id }).then((r) => {
        if (r.ok) setSaved((s) => (s ? { ...s, status: r.value.status, receipt: r.value.receiptNumber } : s));
      });
    const stop = api.subscribe('store:application-changed', {}, (e) => {
      if (e.id === saved.id) refresh();
    });
    // It may already have been sent between submitting and subscribing: look once.
    refresh();
    return stop;
  }, [api, saved?.id]);

  // What is shown: the same sentence as spoken, but with the number as written.
  const shownSay = saved && service.action.kind === 'submit' ? (saved.receipt ? service.action.acceptedSay.replaceAll('{receipt}', saved.receipt) : service.action.queuedSay) : '';
  // A fee: how much, by when, and how — by phone (a QR code) or in cash at the village office (none).
  const due = paymentDue(service, args.formData);
  const payWords = due ? paymentWords(due, 'screen') : '';
  const words = saved ? afterSubmit(service, saved.receipt ? { state: 'accepted', receipt: saved.receipt } : { state: 'queued' }) : null;

  useEffect(() => {
    if (words) void speak(`${words.say}${payWords}${words.nextSteps}`);
  }, [words?.say]);

  const printReceipt = async () => {
    if (!saved || !words) return;
    setPrint({ state: 'printing' });
    // Main composes the paper from the application in its store (the same words as this screen's).
    const r = await api.call('printer:print-receipt', { applicationId: saved.id, reprint: false });
    if (r.ok && r.value.printed) {
      setPrint({ state: 'printed' });
      return;
    }
    const message = r.ok ? (r.value.printed ? '' : r.value.message) : r.error.message;
    setPrint({ state: 'failed', message });
    void speak(t.flow.printFailed(message));
  };

  // Print once, as soon as the application is saved (a TV at home has no printer).
  const printedOnce = useRef(false);
  useEffect(() => {
    if (saved && words && !printedOnce.current && info.uiMode === 'kiosk') {
      printedOnce.current = true;
      void printReceipt();
    }
  }, [saved, words]);

  if (failed) {
    return (
      <>
        <p className="notice notice-warn" role="alert">
          {t.flow.submitFailed}
        </p>
        <Button variant="primary" autoFocusOnMount onClick={() => void submit()} data-action="resubmit">
          {t.flow.confirmSubmit}
        </Button>
      </>
    );
  }
  if (!saved || !words) return <p className="lead">{t.flow.submitting}</p>;
  const actions = (
    <div className="actions">
      <Button variant="primary" autoFocusOnMount onClick={() => onFinish(saved.id)} data-action="finish">
        {t.flow.finish}
      </Button>
      {print.state === 'failed' || print.state === 'printed' ? (
        <Button onClick={() => void printReceipt()} data-action="reprint">
          {t.common.printAgain}
        </Button>
      ) : null}
    </div>
  );
  // The words at the left; the payment QR code at the right with 办完了 under it. Stacked, the QR
  // code pushed 办完了 below the screen's edge.
  const qr = due && due.method !== 'village-office' ? <PaymentQr links={info.links} order={saved.tracking} totalYuan={due.amountYuan} /> : null;
  return (
    <div className={`submit-result${qr ? ' with-qr' : ''}`}>
      <div className="submit-words">
        <p className="question" data-testid="submit-words" data-status={saved.status}>
          {shownSay}
        </p>
        <p className="big-number" data-testid="tracking-number">
          {t.flow.trackingNumber(saved.tracking)}
        </p>
        {saved.receipt ? (
          <p className="big-number" data-testid="receipt-number">
            {t.flow.receiptNumber(saved.receipt)}
          </p>
        ) : null}
        {due ? (
          <p className="lead" data-testid="payment-words" data-method={due.method ?? 'either'}>
            {payWords}
          </p>
        ) : null}
        <p className="lead">{words.nextSteps}</p>
        {print.state === 'printing' ? <p className="lead">{t.flow.printing}</p> : null}
        {print.state === 'printed' ? (
          <p className="notice" data-testid="print-state">
            {t.flow.printed}
          </p>
        ) : null}
        {print.state === 'failed' ? (
          <p className="notice notice-warn" role="alert" data-testid="print-state">
            {t.flow.printFailed(print.message)}
          </p>
        ) : null}
        {qr ? null : actions}
      </div>
      {qr ? (
        <div className="submit-pay">
          {qr}
          {actions}
        </div>
      ) : null}
    </div>
  );
}
