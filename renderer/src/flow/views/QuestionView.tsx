// One question on one screen, answered by the control that fits its field.
import type { FlowView } from '../../../../common/flow/index.js';
import { Button } from '../../design/Button.js';
import { t } from '../../i18n/zh-CN.js';
import { OptionButtons } from './OptionButtons.js';
import { NumberEntry } from './NumberEntry.js';
import { TextEntry } from './TextEntry.js';
import { PhotoEntry } from './PhotoEntry.js';
import type { PhotoCapture } from '../usePhotoCapture.js';
import { FaceCheck } from '../../face/FaceCheck.js';
import type { FaceCheck as FaceCheckState } from '../../face/useFaceCheck.js';

type Question = Extract<FlowView, { kind: 'question' }>;

export interface QuestionProps {
  view: Question;
  onAnswer(raw: unknown): void;
  onSkip(): void;
  /** The flow's camera, shared with voice (only used on a photo question). */
  photo: PhotoCapture;
  /** The face check (养老资格认证's face photo): only used on a photo question of the face. */
  face: FaceCheckState;
  /** A number awaiting its read-back confirmation (keyed or spoken). */
  pending: string | null;
  onPending(v: string | null): void;
}

export function QuestionView({ view, onAnswer, onSkip, photo, face, pending, onPending }: QuestionProps) {
  const f = view.field;
  const current = typeof view.value === 'string' || typeof view.value === 'number' ? String(view.value) : '';
  const num = { pending, onPending };
  let control;
  switch (f.kind) {
    case 'choice':
    case 'relationship':
      control = <OptionButtons options={view.options} selected={view.value} onPick={onAnswer} />;
      break;
    case 'yes-no':
      control = (
        <OptionButtons
          options={[
            { value: 'yes', label: t.flow.yes },
            { value: 'no', label: t.flow.no },
          ]}
          selected={view.value === undefined ? undefined : view.value ? 'yes' : 'no'}
          onPick={(v) => onAnswer(v === 'yes')}
        />
      );
      break;
    case 'phone':
      control = <NumberEntry key={view.key} {...num} initial={current} maxLength={f.allowLandline ? 12 : 11} readBack label={f.label} onDone={onAnswer} />;
      break;
    case 'bank-account':
      control = <NumberEntry key={view.key} {...num} initial={current} maxLength={f.maxDigits} readBack label={f.label} onDone={onAnswer} />;
      break;
    case 'id-number':
      control = <NumberEntry key={view.key} {...num} initial={current} maxLength={18} allowX readBack label={f.label} onDone={onAnswer} />;
      break;
    case 'count':
      control = <NumberEntry key={view.key} {...num} initial={current} maxLength={2} readBack={false} unit={f.unit} label={f.label} onDone={(v) => onAnswer(Number(v))} />;
      break;
    case 'amount':
      control = <NumberEntry key={view.key} {...num} initial={current} maxLength={7} readBack={false} unit={f.unit} label={f.label} onDone={(v) => onAnswer(Number(v))} />;
      break;
    case 'text':
      control = <TextEntry key={view.key} initial={current} label={f.label} maxLength={f.maxLength} onDone={onAnswer} />;
      break;
    case 'photo':
      // A face is taken by the liveness check; its fallback (no camera, three failures) is the skip.
      control = f.subject === 'face' ? <FaceCheck face={face} name={f.label} onFallback={onSkip} /> : <PhotoEntry name={f.label} photo={photo} />;
      break;
  }
  const isFace = f.kind === 'photo' && f.subject === 'face';
  return (
    <div className="question-view" data-field-kind={f.kind} data-field-id={f.id}>
      <p className="question" id="question">
        {view.prompt.say}
      </p>
      {view.error ? (
        <p className="notice notice-warn" role="alert" data-testid="answer-error">
          {view.error.message}
        </p>
      ) : null}
      {control}
      {view.canSkip && !isFace ? (
        <div className="actions">
          <Button onClick={onSkip} data-action="skip">
            {t.common.skip}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
