// One question on one screen, answered by the control that fits its field.
import type { ReactNode } from 'react';
import type { FlowView } from '../../../../common/flow/index.js';
import { Button } from '../../design/Button.js';
import { t } from '../../i18n/zh-CN.js';
import { OptionButtons } from './OptionButtons.js';
import { NumberEntry } from './NumberEntry.js';
import { TextEntry } from './TextEntry.js';
import { PhotoEntry } from './PhotoEntry.js';
import { FamilyCardEntry } from './FamilyCardEntry.js';
import type { PhotoCapture } from '../usePhotoCapture.js';
import { FaceCheck } from '../../face/FaceCheck.js';
import type { FaceCheck as FaceCheckState } from '../../face/useFaceCheck.js';

type Question = Extract<FlowView, { kind: 'question' }>;

const KEYED = new Set<string>(['phone', 'bank-account', 'id-number', 'count', 'amount']);

/** Fields answered on the keypad (NumberEntry), which lays out the question, 跳过 and the microphone itself. */
export function isKeyed(kind: string): boolean {
  return KEYED.has(kind);
}

/** Fields whose control places 跳过 and the screen's microphone beside itself (the keypad, the camera). */
export function placesVoice(kind: string): boolean {
  return isKeyed(kind) || kind === 'photo';
}

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
  /** The screen's microphone, for a keyed answer to place beside 确定 (FlowService shows it otherwise). */
  voice?: ReactNode;
}

export function QuestionView({ view, onAnswer, onSkip, photo, face, pending, onPending, voice }: QuestionProps) {
  const f = view.field;
  const current = typeof view.value === 'string' || typeof view.value === 'number' ? String(view.value) : '';
  const keyed = isKeyed(f.kind);
  const question = (
    <p className="question" id="question">
      {view.prompt.say}
    </p>
  );
  const error = view.error ? (
    <p className="notice notice-warn" role="alert" data-testid="answer-error">
      {view.error.message}
    </p>
  ) : null;
  const skip = view.canSkip ? (
    <Button onClick={onSkip} data-action="skip">
      {t.common.skip}
    </Button>
  ) : null;
  // A keyed answer shows the question beside the keypad and 跳过 (and the microphone) beside 确定;
  // while the number is read back, the read-back is the question.
  const num = {
    pending,
    onPending,
    lead: (
      <>
        {question}
        {error}
      </>
    ),
    more: skip,
    voice,
  };
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
      control = f.subject === 'face' ? <FaceCheck face={face} name={f.label} onFallback={onSkip} voice={voice} /> : <PhotoEntry name={f.label} photo={photo} more={skip} voice={voice} />;
      break;
    case 'family-card':
      control = <FamilyCardEntry key={view.key} onAnswer={onAnswer} />;
      break;
  }
  return (
    <div className="question-view" data-field-kind={f.kind} data-field-id={f.id}>
      {keyed ? null : question}
      {keyed ? null : error}
      {control}
      {skip && !placesVoice(f.kind) ? <div className="actions">{skip}</div> : null}
    </div>
  );
}
