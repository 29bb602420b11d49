// A photo of a document or of the resident: live camera preview, 拍照, then
// 用这张 or 重拍. The picture stays in the flow (memory only) until submitted.
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../design/Button.js';
import { t } from '../../i18n/zh-CN.js';
import { captureFrame, openCamera } from '../photo-capture.js';
import type { CapturedPhoto } from '../to-application.js';

export function PhotoEntry({ name, maxBytes, document, onDone }: { name: string; maxBytes: number; document: boolean; onDone(photo: CapturedPhoto): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [failed, setFailed] = useState(false);
  const [shot, setShot] = useState<CapturedPhoto | null>(null);
  const [tooLarge, setTooLarge] = useState(false);

  useEffect(() => {
    let live: MediaStream | null = null;
    let cancelled = false;
    openCamera().then(
      (s) => {
        if (cancelled) return s.getTracks().forEach((tr) => tr.stop());
        live = s;
        setStream(s);
      },
      () => setFailed(true),
    );
    return () => {
      cancelled = true;
      live?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);

  useEffect(() => {
    if (video.current && stream) {
      video.current.srcObject = stream;
      void video.current.play().catch(() => {});
    }
  }, [stream, shot]);

  if (failed) return <p className="notice notice-warn" role="alert">{t.flow.cameraUnavailable}</p>;
  if (shot) {
    return (
      <div className="photo-entry">
        <img className="photo-preview" src={`data:${shot.mediaType};base64,${shot.base64}`} alt={name} />
        <div className="actions">
          <Button variant="primary" autoFocusOnMount onClick={() => onDone(shot)} data-action="use-photo">
            {t.flow.usePhoto}
          </Button>
          <Button onClick={() => setShot(null)} data-action="retake">
            {t.flow.retake}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="photo-entry">
      {document ? <p className="lead">{t.flow.cameraHint}</p> : null}
      <video ref={video} className="photo-preview" muted playsInline aria-hidden="true" />
      {tooLarge ? <p className="notice notice-warn" role="alert">{t.flow.photoTooLarge}</p> : null}
      <div className="actions">
        <Button
          variant="primary"
          autoFocusOnMount
          disabled={!stream}
          data-action="take-photo"
          onClick={async () => {
            try {
              setShot(await captureFrame(video.current!, name, maxBytes));
              setTooLarge(false);
            } catch {
              setTooLarge(true);
            }
          }}
        >
          {t.flow.takePhoto}
        </Button>
      </div>
    </div>
  );
}
