// An application service, driven by its catalogue definition through the pure
// flow engine: identify (card or keyed number), one question per screen, the
// read-back, then save, print and follow the status. Every view's words are read
// aloud when it opens; the same screens work by touch, D-pad and voice.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import * as flow from '../../../common/flow/index.js';
import type { FlowState } from '../../../common/flow/index.js';
import type { PhotoAnswer } from '../../../common/flow/answers.js';
import type { ResidentIdentity } from '../../../common/flow/identity.js';
import { useAppInfo } from '../app/AppInfoContext.js';
import { useNav } from '../app/navigation.js';
import { Screen } from '../design/Screen.js';
import { RequireIdentity } from '../identity/RequireIdentity.js';
import { todayIso } from '../app/station-time.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import type { ServiceScreenProps } from '../services/registry.js';
import { t } from '../i18n/zh-CN.js';
import { FlowPage, voiceInline } from './FlowPage.js';
import type { FlowActions } from './flow-actions.js';
import { SubmitResult } from './SubmitResult.js';
import { SameKindGate } from './SameKindGate.js';
import { toSubmitArgs, type CapturedPhoto } from './to-application.js';
import { useSpecialist } from '../specialist/SpecialistSession.js';
import { useResidentSession } from '../session/ResidentSession.js';
import { useCatalogue } from './useCatalogue.js';
import { AfterService } from './AfterService.js';
import { applyVoice, quantityUnitOf, stepSpecFor } from './flow-voice.js';
import { usePhotoCapture, type PhotoControls } from './usePhotoCapture.js';
import { useFaceCheck } from '../face/useFaceCheck.js';
import { loadFaceEngine } from '../face/face-engine.js';
import { readBackNumber, readBackText } from './views/NumberEntry.js';
import { useScreenVoice } from '../voice-ui/useScreenVoice.js';
import { VoiceBar } from '../voice-ui/VoiceBar.js';

export function FlowService({ serviceId, onBehalf }: ServiceScreenProps) {
  const { catalogue, failed } = useCatalogue();
  const info = useAppInfo();
  const service = catalogue?.services.find((s) => s.id === serviceId) ?? null;
  const title = service?.names.full ?? '';
  // A service with a face check loads the face models now, so its face step opens ready.
  const hasFaceCheck = !!service?.steps.some((s) => s.kind === 'question' && s.field.kind === 'photo' && s.field.subject === 'face');
  useEffect(() => {
    if (hasFaceCheck) loadFaceEngine().catch(() => undefined);
  }, [hasFaceCheck]);
  if (failed || (catalogue && (!service || !service.offeredOn.includes(info.uiMode)))) {
    return (
      <Screen id={`service-${serviceId}`} title={title}>
        <p className="notice notice-warn">{failed ? t.errors.generic : t.flow.notOffered}</p>
      </Screen>
    );
  }
  if (!catalogue || !service) {
    return (
      <Screen id={`service-${serviceId}`} title={title}>
        <p className="lead">{t.flow.loading}</p>
      </Screen>
    );
  }
  return (
    <RequireIdentity title={title}>
      {(identity) => (
        <SameKindGate serviceId={service.id} title={title} identity={identity}>
          <Flow catalogueVersion={catalogue.version} service={service} identity={identity} onBehalf={onBehalf} />
        </SameKindGate>
      )}
    </RequireIdentity>
  );
}

function Flow({ service, catalogueVersion, identity, onBehalf }: { service: flow.FlowState['service']; catalogueVersion: string; identity: ResidentIdentity; onBehalf: boolean }) {
  const info = useAppInfo();
  const nav = useNav();
  const specialist = useSpecialist();
  // A visit whose number a specialist keyed at the kiosk is a 代办 throughout.
  const { keyedBy } = useResidentSession();
  const { speak, speaking } = useReadAloud();
  const [state, setState] = useState<FlowState>(() =>
    flow.startFlow({ service, catalogueVersion, identity, surface: info.uiMode, today: todayIso(), onBehalf: (onBehalf || keyedBy !== null) && specialist !== null }),
  );
  const [finished, setFinished] = useState<{ applicationId: string | null } | null>(null);
  // Photos stay in memory, in this component, until submitted (or the resident leaves).
  const photos = useRef(new Map<string, CapturedPhoto>());
  const view = useMemo(() => flow.viewOf(state), [state]);
  // A number awaiting its read-back (keyed or spoken); a new screen drops it.
  const [pending, setPending] = useState<string | null>(null);
  const viewKey = 'key' in view ? `${view.kind}:${view.key}` : view.kind;
  useEffect(() => setPending(null), [viewKey]);
  // A 是 said at the read-back, not yet submitted: the resident can still take it back (SubmitWindow).
  const [aboutToSubmit, setAboutToSubmit] = useState(false);
  useEffect(() => setAboutToSubmit(false), [viewKey]);
  const submitWindow = useMemo(
    () =>
      aboutToSubmit
        ? {
            onSubmit: () => {
              setAboutToSubmit(false);
              setState((s) => flow.confirm(s, true));
            },
            onCancel: () => {
              setAboutToSubmit(false);
              void speak(t.flow.submitWindow.cancelled);
            },
          }
        : null,
    [aboutToSubmit, speak],
  );

  // Read each new screen aloud (and a refused answer's explanation).
  const said = 'say' in view ? view.say : '';
  useEffect(() => {
    if (said) void speak(said);
  }, [said, speak]);

  const act: FlowActions = useMemo(
    () => ({
      next: () => setState((s) => flow.next(s)),
      answer: (raw) => setState((s) => flow.answer(s, raw)),
      skip: () => setState((s) => flow.skip(s)),
      back: () => setState((s) => flow.back(s)),
      confirm: (yes) => setState((s) => flow.confirm(s, yes)),
      chooseFix: (key) => setState((s) => flow.chooseFix(s, key)),
      home: nav.home,
      photo: (p: CapturedPhoto): PhotoAnswer => {
        const ref = `${p.sha256.slice(0, 16)}.jpg`;
        // A face photo's log and descriptor (companions) stay with it in this map, in memory only.
        photos.current.set(ref, { ...p, name: `${p.name}-${ref}` });
        return { ref, mime: p.mediaType, bytes: Math.floor((p.base64.length * 3) / 4) };
      },
    }),
    [nav.home],
  );

  // The camera of a photo question lives here, not in its view, so voice and the buttons share it.
  const photoField = view.kind === 'question' && view.field.kind === 'photo' ? view.field : null;
  const faceField = photoField?.subject === 'face' ? photoField : null;
  const photo = usePhotoCapture(photoField && !faceField && !finished ? { key: viewKey, name: photoField.label, maxBytes: photoField.maxBytes } : null, {
    onUse: (p) => act.answer(act.photo(p)),
    say: (text) => void speak(text),
  });
  // A face is taken by the liveness check instead (renderer/src/face/).
  const face = useFaceCheck(faceField && !finished ? { key: viewKey, name: faceField.label } : null, {
    pinned: info.faceChallenges,
    speaking,
    say: (text) => void speak(text),
    onUse: (r) => act.answer(act.photo({ ...r.photo, companions: r.companions })),
  });
  // Voice presses the same buttons: on the face check only 就用这张 / 重新拍 on its photo.
  const controls: PhotoControls = faceField ? { phase: face.phase === 'review' ? 'shot' : 'failed', take: () => undefined, use: face.use, retake: face.retake } : photo;

  const live = view.kind === 'done' ? null : view;
  const unit = quantityUnitOf(live);
  const readBack = pending !== null ? readBackText(pending, unit) : null;
  const voice = useScreenVoice({
    // While the submit window is open it listens itself; the read-back's grammar is back once it closes.
    step: live && !finished && !aboutToSubmit ? stepSpecFor(live, pending, controls.phase) : null,
    // Past the first page there are answers that 首页 would throw away.
    guardHome: view.kind !== 'intro',
    // 再说一遍 on a taken picture repeats what can be said about it, not how to take it;
    // on a number being read back, the number.
    prompt: faceField && face.phase !== 'loading' ? face.instruction : photo.phase === 'shot' ? t.flow.photoTaken : (readBack ?? said),
    onResult: (r) => {
      if (live) applyVoice(live, r, { act, pending, numbers: { setPending, readBack: (v) => readBackNumber(v, speak, unit), sayAgain: () => void speak(t.flow.numberSayAgain) }, photo: controls, submitSoon: () => setAboutToSubmit(true) });
    },
  });

  // 返回 walks back through the flow's own steps before leaving the service.
  const onBack = useCallback(() => {
    if (flow.canGoBack(state)) setState(flow.back(state));
    else nav.back();
  }, [state, nav]);

  const title = service.names.full;
  if (finished) return <AfterService serviceId={service.id} applicationId={finished.applicationId} />;
  if (view.kind === 'done') {
    // A family member keyed by a specialist mid-flow makes it a 代办 too (the visit's keyedBy).
    const args = toSubmitArgs({ ...view.submission, onBehalf: view.submission.onBehalf || keyedBy !== null }, photos.current, specialist);
    return (
      <Screen id={`service-${service.id}-submitted`} title={title}>
        <SubmitResult service={service} args={args} onFinish={(applicationId) => setFinished({ applicationId })} />
      </Screen>
    );
  }
  const step = 'indicator' in view ? view.indicator : undefined;
  // The submit window has its own listening (and the Voice key); the screen's microphone would hear nothing.
  const voiceBar = aboutToSubmit ? null : <VoiceBar voice={voice} />;
  // Most pages place the microphone beside their buttons, where there is room at every text size.
  const inline = voiceInline(view);
  const screenId = view.kind === 'question' || view.kind === 'info' ? `service-${service.id}-${view.key.replace(/\W+/g, '-')}` : `service-${service.id}-${view.kind}`;
  // The family member's card question changes on screen as the reader answers (read, refused,
  // not readable): 朗读 then says the screen as it stands, not only the question.
  const liveScreen = view.kind === 'question' && view.field.kind === 'family-card';
  const prompt = aboutToSubmit ? t.flow.submitWindow.spoken : liveScreen ? undefined : `${title}。${said}${readBack ?? ''}`;
  return (
    <Screen id={screenId} title={title} step={step} prompt={prompt} onBack={onBack}>
      <FlowPage view={view} act={act} pending={pending} onPending={setPending} photo={photo} face={face} submitWindow={submitWindow} voice={inline ? voiceBar : undefined} />
      {inline ? null : voiceBar}
    </Screen>
  );
}
