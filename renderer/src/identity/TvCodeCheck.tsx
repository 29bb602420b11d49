// On a TV at home, after the keyed number's read-back: the station has the sync
// server text a one-time code to the phone on file for that number, and the
// family keys it on the same keypad as the number. Only a verified code lets the
// station answer about the number (main checks it: resident-scope.ts); this
// screen is how the family gets there. Every state is said in plain words: sent
// (to 138****5678, valid 5 minutes, resend after 1 minute), wrong, expired,
// locked, no phone on file (the station does it in person), offline.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IdentityCodeRequestResult, IdentityCodeVerifyResult } from '../../../common/ipc/channels/identity.js';
import { speakDigits } from '../../../common/spoken/numbers.js';
import { useApi } from '../api/ApiContext.js';
import { useNav } from '../app/navigation.js';
import { Button } from '../design/Button.js';
import { Keypad } from '../design/Keypad.js';
import { Screen } from '../design/Screen.js';
import { t } from '../i18n/zh-CN.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';

const w = t.identity.code;

type Stage =
  | { kind: 'sending' }
  | { kind: 'entry'; phoneMasked: string | null }
  /** Nothing more can be done on the TV: no phone on file, or no link. */
  | { kind: 'stop'; words: string; retry: boolean };

/** `onBack` (返回, the Back key) goes back to keying the number. */
export function TvCodeCheck({ idNumber, title, onVerified, onBack }: { idNumber: string; title: string; onVerified(): void; onBack(): void }) {
  const api = useApi();
  const nav = useNav();
  const { speak } = useReadAloud();
  const [stage, setStage] = useState<Stage>({ kind: 'sending' });
  const [code, setCode] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [resendAt, setResendAt] = useState(0);
  const [expiresAt, setExpiresAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const confirmRef = useRef<HTMLDivElement>(null);

  const say = useCallback((words: string) => void speak(words), [speak]);

  const request = useCallback(async () => {
    setNotice(null);
    setCode('');
    const r = await api.call('identity:request-code', { idNumber });
    const a: IdentityCodeRequestResult = r.ok ? r.value : { outcome: 'offline' };
    if (a.outcome === 'sent') {
      setStage({ kind: 'entry', phoneMasked: a.phoneMasked });
      setResendAt(Date.now() + a.resendAfterSeconds * 1000);
      setExpiresAt(Date.now() + a.expiresInSeconds * 1000);
      say(`${w.sentSpoken(speakDigits(a.phoneMasked.slice(-4)))}${w.validFor}`);
    } else if (a.outcome === 'rate-limited') {
      // A code went out moments ago (this visit, or one just left): it is still good to key.
      setStage((s) => (s.kind === 'entry' ? s : { kind: 'entry', phoneMasked: null }));
      setResendAt(Date.now() + a.retryAfterSeconds * 1000);
      const words = stage.kind === 'entry' ? w.wait(a.retryAfterSeconds) : w.recentlySent;
      setNotice(words);
      say(words);
    } else {
      const words = a.outcome === 'no-phone-on-file' ? w.noPhone : w.offline;
      setStage({ kind: 'stop', words, retry: a.outcome === 'offline' });
      say(words);
    }
  }, [api, idNumber, say, stage.kind]);

  // Once, as the screen opens.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    void request();
  }, [request]);

  // The resend wait is shown counting down; the expiry is warned aloud a minute before (no silent time limit).
  useEffect(() => {
    if (stage.kind !== 'entry') return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [stage.kind]);
  const warned = useRef(0);
  useEffect(() => {
    if (stage.kind === 'entry' && expiresAt > 0 && warned.current !== expiresAt && expiresAt - now <= 60_000 && expiresAt > now) {
      warned.current = expiresAt;
      say(w.expiresSoon);
    }
  }, [now, expiresAt, stage.kind, say]);

  // All 6 digits in: focus 确定, so one OK press checks the code.
  useEffect(() => {
    if (code.length === 6) confirmRef.current?.querySelector('button')?.focus();
  }, [code]);

  const verify = async () => {
    setChecking(true);
    const r = await api.call('identity:verify-code', { idNumber, code });
    setChecking(false);
    const a: IdentityCodeVerifyResult = r.ok ? r.value : { outcome: 'offline' };
    if (a.outcome === 'verified') return onVerified();
    if (a.outcome === 'offline') {
      setStage({ kind: 'stop', words: w.offline, retry: true });
      return say(w.offline);
    }
    const words = a.outcome === 'wrong-code' ? w.wrong(a.attemptsLeft) : a.outcome === 'expired' ? w.expired : a.outcome === 'locked' ? w.locked : w.noCode;
    setCode('');
    setNotice(words);
    say(words);
  };

  if (stage.kind === 'sending') {
    return (
      <Screen id="identify-code-sending" title={title} onBack={onBack}>
        <h2>{w.heading}</h2>
        <p className="lead">{w.sending}</p>
      </Screen>
    );
  }
  if (stage.kind === 'stop') {
    return (
      <Screen id="identify-code-stop" title={title} prompt={stage.words} onBack={onBack}>
        <h2>{w.heading}</h2>
        <p className="notice notice-warn lead" role="alert" data-testid="code-stop">
          {stage.words}
        </p>
        <div className="option-grid" role="group" aria-label={w.heading}>
          <Button variant="primary" className="option" autoFocusOnMount onClick={nav.home} data-action="code-home">
            {w.home}
          </Button>
          {stage.retry ? (
            <Button className="option" onClick={() => (setStage({ kind: 'sending' }), void request())} data-action="code-try-again">
              {w.tryAgain}
            </Button>
          ) : null}
        </div>
      </Screen>
    );
  }
  const waitSeconds = Math.max(0, Math.ceil((resendAt - now) / 1000));
  const sentLine = stage.phoneMasked ? w.sent(stage.phoneMasked) : w.recentlySent;
  const prompt = `${stage.phoneMasked ? w.sentSpoken(speakDigits(stage.phoneMasked.slice(-4))) : w.recentlySent}${w.validFor}${notice ?? ''}`;
  return (
    <Screen id="identify-code" title={title} prompt={prompt} onBack={onBack}>
      <div className="id-entry keyed-entry">
        <Keypad autoFocus value={code} onChange={(v) => (setCode(v), setNotice(null))} maxLength={6} label={w.keypadLabel} clearAll={false} />
        <div className="keyed-side">
          <p className="lead" data-testid="code-sent">
            {sentLine}
            {w.validFor}
          </p>
          <p className="entry-display" aria-live="polite" data-testid="code-display">
            <span className="visually-hidden">{w.keyPrompt}：</span>
            {code || '\u00a0'}
          </p>
          <p className="lead" role="status">
            {w.digitsCount(code.length)}
          </p>
          {notice ? (
            <p className="notice notice-warn" role="alert" data-testid="code-notice">
              {notice}
            </p>
          ) : null}
          <div className="actions" ref={confirmRef}>
            <Button variant="primary" disabled={code.length !== 6 || checking} onClick={() => void verify()} data-action="confirm-code">
              {t.common.confirm}
            </Button>
            <Button disabled={waitSeconds > 0} onClick={() => void request()} data-action="resend-code">
              {w.resend}
            </Button>
          </div>
          {waitSeconds > 0 ? (
            <p className="lead" role="status" data-testid="resend-wait">
              {w.resendIn(waitSeconds)}
            </p>
          ) : null}
        </div>
      </div>
    </Screen>
  );
}
