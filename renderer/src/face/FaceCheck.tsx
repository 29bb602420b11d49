// The face check's screen: the live camera inside a large face guide with the one
// instruction of the moment in big words (also said), the camera-on indicator,
// then the chosen photo with 就用这张 / 重新拍. On the TV the guide is larger and
// every control is a D-pad target. The picture stands at the left and the words,
// buttons and microphone in a column beside it, so the whole step fits the
// screen at every text size. The screen never says the face matched: the photo
// goes to the pension office, which compares it.
import type { ReactNode } from 'react';
import { Button } from '../design/Button.js';
import { faceStrings as w } from '../i18n/face.zh-CN.js';
import { MAX_ATTEMPTS, type FaceCheck as FaceCheckState } from './useFaceCheck.js';
import './face.css';

export function FaceCheck({ face, name, onFallback, voice }: { face: FaceCheckState; name: string; onFallback(): void; voice?: ReactNode }) {
  const data = {
    'data-face-state': face.phase,
    'data-face-reason': face.reason ?? undefined,
    'data-face-challenges': face.challenges.join(','),
    'data-face-attempt': face.attempt,
    'data-face-fps': face.fps === null ? undefined : face.fps.toFixed(1),
    'data-face-frames': face.framesFrom ?? undefined,
    'data-face-decision-ms': face.decisionMs ?? undefined,
  };
  if (face.phase === 'fallback') {
    return (
      <div className="face-check face-check-words" data-testid="face-check" {...data}>
        <p className="notice" role="status" data-testid="face-fallback">
          {face.instruction}
        </p>
        <div className="actions">
          <Button variant="primary" autoFocusOnMount onClick={onFallback} data-action="face-fallback">
            {w.fallbackContinue}
          </Button>
          {voice}
        </div>
      </div>
    );
  }
  if ((face.phase === 'review' || face.phase === 'describing') && face.photo) {
    return (
      <div className="face-check" data-testid="face-check" {...data}>
        <img className="face-photo" src={`data:${face.photo.mediaType};base64,${face.photo.base64}`} alt={name} data-testid="face-photo" />
        <div className="face-side">
          <p className="face-instruction" role="status">
            {w.review}
          </p>
          <div className="actions">
            <Button variant="primary" autoFocusOnMount onClick={face.use} data-action="use-photo">
              {w.use}
            </Button>
            <Button onClick={face.retake} data-action="retake-photo">
              {w.retake}
            </Button>
          </div>
          {voice}
        </div>
      </div>
    );
  }
  return (
    <div className="face-check" data-testid="face-check" {...data}>
      <div className="face-stage">
        <video ref={face.video} className="face-video" muted playsInline aria-hidden="true" />
        <div className="face-guide" aria-hidden="true" />
        {face.cameraOn ? (
          <p className="camera-on" data-testid="camera-on">
            <span className="camera-dot" aria-hidden="true" />
            {w.cameraOn}
          </p>
        ) : null}
      </div>
      <div className="face-side">
        <p className="face-instruction" role="status" aria-live="polite" data-testid="face-instruction">
          {face.instruction}
        </p>
        {face.phase === 'failed' ? (
          <div className="actions">
            <p className="lead">{w.attempt(face.attempt, MAX_ATTEMPTS)}</p>
            <Button variant="primary" autoFocusOnMount onClick={face.tryAgain} data-action="face-try-again">
              {w.tryAgain}
            </Button>
          </div>
        ) : null}
        {voice}
      </div>
    </div>
  );
}
