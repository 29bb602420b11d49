// The 说出来 button of a screen that can be answered by voice: press it (or the
// remote's Voice key), say one of the choices, and the screen acts on what was
// heard; what was heard is shown so the resident can see the kiosk understood.
import { useCallback } from 'react';
import { Button } from '../../../design/Button.js';
import { t } from '../../../i18n/zh-CN.js';
import { useVoiceKey } from '../../../voice-ui/VoiceKeyContext.js';

function Mic() {
  return (
    <svg width={48} height={48} viewBox="0 0 48 48" fill="none" stroke="currentColor" strokeWidth="4" strokeLinecap="round" aria-hidden="true" focusable="false">
      <rect x="17" y="6" width="14" height="24" rx="7" />
      <path d="M10 24a14 14 0 0 0 28 0M24 38v6" />
    </svg>
  );
}

export function VoiceButton({ listening, onListen, heard }: { listening: boolean; onListen(): void; heard: string | null }) {
  const v = t.queries.voice;
  // The remote's Voice key (a HID remote through the station, or F1 / MediaRecord on
  // keyboard-like remotes) reaches the screen through the app's one voice-key route.
  useVoiceKey(
    useCallback(
      (down: boolean) => {
        if (down && !listening) onListen();
      },
      [listening, onListen],
    ),
  );
  return (
    <div className="voice-row">
      <Button icon={<Mic />} aria-pressed={listening} onClick={() => !listening && onListen()} data-action="speak">
        {listening ? v.listening : v.speak}
      </Button>
      {heard ? (
        <p className="voice-heard" role="status" data-testid="voice-heard">
          {v.heard(heard)}
        </p>
      ) : null}
    </div>
  );
}
