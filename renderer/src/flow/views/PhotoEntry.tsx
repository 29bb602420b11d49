// A photo of a document or of the resident: live camera preview, 拍照, then
// 用这张 or 重拍. The camera itself is the flow's (usePhotoCapture), so saying
// 拍照 / 可以 / 重拍 presses exactly these buttons. The picture stays in the flow
// (memory only) until submitted. 拍照 works while the camera is still starting:
// the picture is taken as soon as there is one (usePhotoCapture). What to put
// under the camera is the question's own words, shown and said above.
import type { ReactNode } from 'react';
import { Button } from '../../design/Button.js';
import { t } from '../../i18n/zh-CN.js';
import type { PhotoCapture } from '../usePhotoCapture.js';

/**
 * The preview at the left, the buttons in a column beside it: 拍照 (or 用这张 / 重拍), then `more`
 * (跳过 on an optional question) and `voice` (the screen's microphone). Under the preview they fell
 * below the screen's edge at 特大.
 */
export function PhotoEntry({ name, photo, more, voice }: { name: string; photo: PhotoCapture; more?: ReactNode; voice?: ReactNode }) {
  if (photo.phase === 'failed') {
    return (
      <>
        <p className="notice notice-warn" role="alert">
          {t.flow.cameraUnavailable}
        </p>
        <div className="actions">{more}</div>
        {voice}
      </>
    );
  }
  if (photo.shot) {
    return (
      <div className="photo-entry">
        <img className="photo-preview" src={`data:${photo.shot.mediaType};base64,${photo.shot.base64}`} alt={name} />
        <div className="photo-side">
          <Button variant="primary" autoFocusOnMount onClick={() => photo.use()} data-action="use-photo">
            {t.flow.usePhoto}
          </Button>
          <Button onClick={() => photo.retake()} data-action="retake-photo">
            {t.flow.retake}
          </Button>
          {voice}
        </div>
      </div>
    );
  }
  return (
    <div className="photo-entry">
      <video ref={photo.video} className="photo-preview" muted playsInline aria-hidden="true" />
      <div className="photo-side">
        {photo.tooLarge ? <p className="notice notice-warn" role="alert">{t.flow.photoTooLarge}</p> : null}
        <Button variant="primary" autoFocusOnMount data-action="take-photo" onClick={() => photo.take()}>
          {t.flow.takePhoto}
        </Button>
        {more}
        {voice}
      </div>
    </div>
  );
}
