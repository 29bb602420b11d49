// The 您还在吗 warning as the resident meets it: the countdown dialog, said
// aloud, and — where the station can recognise speech — answered by voice
// (useContinueByVoice.ts), with what the kiosk hears shown in the dialog.
import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext.js';
import { CountdownDialog } from '../design/CountdownDialog.js';
import { t } from '../i18n/zh-CN.js';
import { ListeningStatus } from '../voice-ui/ListeningStatus.js';
import { useContinueByVoice } from './useContinueByVoice.js';

export function IdleWarning(props: { warningSeconds: number; remaining: number; running: boolean; onContinue(): void; onSaid(): void }) {
  const { warningSeconds, remaining, running, onContinue, onSaid } = props;
  const api = useApi();
  // Only promise 就说“我要继续” where the station has a recognizer to hear it.
  const [canListen, setCanListen] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('speech:status', {}).then((r) => live && setCanListen(r.ok && r.value.recognition === 'ready'));
    return () => {
      live = false;
    };
  }, [api]);
  const voice = useContinueByVoice({
    prompt: canListen === null ? null : t.inactivity.spoken(warningSeconds, canListen),
    listen: canListen === true,
    onContinue,
    onSaid,
  });
  const busy = voice.state !== 'idle';
  return (
    <CountdownDialog
      id="idle"
      title={t.inactivity.title}
      message={t.inactivity.message(Math.max(0, remaining))}
      continueLabel={t.inactivity.continue}
      onContinue={onContinue}
      running={running}
    >
      {busy || voice.heard ? (
        <div className="dialog-voice" aria-live="polite">
          <ListeningStatus listening={busy} label={t.inactivity.listening} heard={voice.heard} />
        </div>
      ) : null}
    </CountdownDialog>
  );
}
