// Draws one FlowView: the intro, a question, an information screen, the kind
// "not eligible" explanation, the read-back with 是 / 不是 (and, after a spoken 是,
// the window to take it back), or "which one is wrong".
import type { ReactNode } from 'react';
import type { FlowView } from '../../../common/flow/index.js';
import { Button } from '../design/Button.js';
import { Pager } from '../design/Pager.js';
import { t } from '../i18n/zh-CN.js';
import { QuestionView, placesVoice } from './views/QuestionView.js';
import { SubmitWindow } from './SubmitWindow.js';
import type { FlowActions } from './flow-actions.js';
import type { PhotoCapture } from './usePhotoCapture.js';
import type { FaceCheck } from '../face/useFaceCheck.js';

export interface FlowPageProps {
  view: Exclude<FlowView, { kind: 'done' }>;
  act: FlowActions;
  pending: string | null;
  onPending(v: string | null): void;
  photo: PhotoCapture;
  face: FaceCheck;
  /** Set while a 是 said at the read-back can still be taken back (SubmitWindow). */
  submitWindow?: { onSubmit(): void; onCancel(): void } | null;
  /** The screen's microphone, beside the page's buttons where it has room (see voiceInline). */
  voice?: ReactNode;
}

/** Pages that place the screen's microphone beside their own buttons, not under everything. */
export function voiceInline(view: FlowPageProps['view']): boolean {
  return view.kind === 'intro' || view.kind === 'info' || (view.kind === 'question' && placesVoice(view.field.kind));
}

export function FlowPage({ view, act, pending, onPending, photo, face, submitWindow, voice }: FlowPageProps) {
  switch (view.kind) {
    case 'intro':
      return (
        <>
          <p className="question">{view.prompt.say}</p>
          {view.documents.length ? (
            <div className="documents">
              <p className="lead">{t.flow.documents}</p>
              <ul>
                {view.documents.map((d) => (
                  <li key={d.id}>{d.name}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="actions">
            <Button variant="primary" autoFocusOnMount onClick={act.next} data-action="start">
              {t.common.start}
            </Button>
            {voice}
          </div>
        </>
      );
    case 'question':
      return <QuestionView key={view.key} view={view} onAnswer={act.answer} onSkip={act.skip} photo={photo} face={face} pending={pending} onPending={onPending} voice={voice} />;
    case 'info':
      return (
        <>
          <p className="question">{view.prompt.say}</p>
          <div className="actions">
            <Button variant="primary" autoFocusOnMount onClick={act.next} data-action="next">
              {t.common.next}
            </Button>
            {voice}
          </div>
        </>
      );
    case 'ineligible':
      return (
        <>
          <p className="notice" role="alert" data-testid="ineligible">
            {view.say}
          </p>
          <div className="actions">
            <Button variant="primary" autoFocusOnMount onClick={act.home} data-action="home">
              {t.flow.goHome}
            </Button>
            {view.canGoBack ? (
              <Button onClick={act.back} data-action="back">
                {t.flow.ineligibleBack}
              </Button>
            ) : null}
          </div>
        </>
      );
    case 'summary':
      return (
        <>
          <p className="lead">{t.flow.applicant(view.summary.applicant.name, view.summary.applicant.idTail)}</p>
          <Pager
            className="summary-list"
            listProps={{ 'data-testid': 'summary' }}
            items={[
              ...view.summary.items.map((i) => (
                <li key={i.key}>
                  <span className="summary-label">{i.label}</span>
                  <span className="summary-value">{i.display}</span>
                </li>
              )),
              ...(view.summary.fee
                ? [
                    <li key="fee">
                      <span className="summary-label">{t.flow.feeLabel}</span>
                      <span className="summary-value">{view.summary.fee.totalYuan} 元</span>
                    </li>,
                  ]
                : []),
            ]}
          />
          {submitWindow ? (
            <SubmitWindow onSubmit={submitWindow.onSubmit} onCancel={submitWindow.onCancel} />
          ) : (
            <div className="actions">
              <Button variant="primary" autoFocusOnMount onClick={() => act.confirm(true)} data-answer="yes">
                {t.flow.confirmSubmit}
              </Button>
              <Button onClick={() => act.confirm(false)} data-answer="no">
                {t.flow.fixSomething}
              </Button>
            </div>
          )}
        </>
      );
    case 'choose-fix':
      return (
        <>
          <p className="question">{t.flow.whichWrong}</p>
          <div className="option-grid" role="group">
            {view.items.map((i, n) => (
              <Button key={i.key} className="option" autoFocusOnMount={n === 0} onClick={() => act.chooseFix(i.key)} data-fix={i.key}>
                {i.label}
              </Button>
            ))}
          </div>
        </>
      );
  }
}
