// The big microphone button of a voice-enabled screen, the listening indicator,
// and what was heard in big text. After two misses it shows what the kiosk
// said to do instead (the buttons, or the remote on a TV; useScreenVoice picks).
import type { ScreenVoice } from './useScreenVoice.js';
import { Button } from '../design/Button.js';
import { t } from '../i18n/zh-CN.js';
import { useAppInfo } from '../app/AppInfoContext.js';
import { ListeningStatus } from './ListeningStatus.js';

function MicIcon() {
  return (
    <svg width={56} height={56} viewBox="0 0 48 48" fill="none" stroke="currentColor" strokeWidth="4" strokeLinecap="round" aria-hidden="true" focusable="false">
      <rect x="17" y="6" width="14" height="24" rx="7" />
      <path d="M10 24a14 14 0 0 0 28 0M24 38v6" />
    </svg>
  );
}

/**
 * `prominent`: the screen's main way in is speaking (the home screen), so the microphone is drawn
 * as its primary action; elsewhere it stays the biggest secondary control beside the answers.
 */
export function VoiceBar({ voice, prominent = false }: { voice: ScreenVoice; prominent?: boolean }) {
  const { uiMode } = useAppInfo();
  if (voice.unavailable === 'unavailable') return null; // this station has no recognizer: buttons only
  const busy = voice.state !== 'idle';
  return (
    <section className="voice-bar" aria-label={t.voice.label}>
      <Button
        variant={prominent ? 'primary' : 'secondary'}
        className="mic"
        icon={<MicIcon />}
        aria-pressed={busy}
        data-action="mic"
        onClick={() => (busy ? voice.release() : voice.press())}
      >
        {busy ? t.voice.listening : t.voice.pressToTalk}
      </Button>
      <div className="voice-feedback" aria-live="polite">
        <ListeningStatus listening={busy} label={t.voice.listeningNow} heard={voice.heard} />
        {voice.afterMisses ? (
          <p className="notice notice-warn" role="alert" data-testid="voice-fallback">
            {voice.afterMisses}
          </p>
        ) : voice.rejection && voice.rejection.reason !== 'cancelled' ? (
          <p className="notice notice-warn" role="alert">
            {t.voice.notUnderstood}
          </p>
        ) : null}
        {voice.unavailable ? <p className="notice notice-warn">{uiMode === 'tv' ? t.voice.noMicrophoneTv : t.voice.noMicrophone}</p> : null}
      </div>
    </section>
  );
}
