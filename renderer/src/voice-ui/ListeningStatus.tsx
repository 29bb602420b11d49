// What a listening turn shows, wherever the kiosk listens (a screen's voice
// bar, the 您还在吗 warning): a listening dot with what to say, and what was
// heard in big text, so a resident sees the kiosk understood them.
import { t } from '../i18n/zh-CN.js';

export function ListeningStatus({ listening, label, heard }: { listening: boolean; label: string; heard: string }) {
  return (
    <>
      {listening ? (
        <span className="listening-dot" data-testid="listening">
          {label}
        </span>
      ) : null}
      {heard ? (
        <p className="voice-heard-big" data-testid="heard">
          {t.voice.heard(heard)}
        </p>
      ) : null}
    </>
  );
}
