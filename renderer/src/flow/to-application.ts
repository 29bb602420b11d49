// Turns a finished flow's submission into the store's submit call. The store
// keeps form data flat (string / number / boolean), so repeat groups become
// `group.index.field` keys and photos become references to the attachments
// that travel beside the form.
import type { Submission } from '../../../common/flow/submission.js';
import { isPersonAnswer, type AnswerValue, type PhotoAnswer } from '../../../common/flow/answers.js';
import type { AttachmentInput } from '../../../common/domain/application.js';

export interface CapturedPhoto {
  readonly name: string;
  readonly mediaType: 'image/jpeg' | 'image/png';
  readonly base64: string;
  readonly sha256: string;
  /** Attachments that travel with this photo (the face check's log and descriptor). */
  readonly companions?: readonly AttachmentInput[];
}

export interface SubmitArgs {
  serviceId: Submission['serviceId'];
  catalogueVersion: string;
  formData: Record<string, string | number | boolean | null>;
  applicant: { idNumber: string; name: string };
  /** 代办: main records and audits it under the desk session of this screen, not under a name sent from here. */
  onBehalf: boolean;
  attachments: AttachmentInput[];
}

/** Shown in place of a name when the resident keyed their number instead of reading the card. */
export const NAME_NOT_READ = '（未读卡，号码为键入）';

const isPhoto = (v: unknown): v is PhotoAnswer => typeof v === 'object' && v !== null && 'ref' in v;

type Flat = Record<string, string | number | boolean>;

/**
 * One answer as flat form keys. A family member (the application's subject when
 * it is filed for them) becomes `key.idNumber`, `key.name` and `key.identitySource`
 * (card, or keyed by a specialist).
 */
function flatValues(key: string, v: AnswerValue): Flat {
  if (isPhoto(v)) return { [key]: `attachment:${v.ref}` };
  if (isPersonAnswer(v)) return { [`${key}.idNumber`]: v.idNumber, [`${key}.name`]: v.name, [`${key}.identitySource`]: v.source };
  return { [key]: v };
}

export function toSubmitArgs(
  submission: Submission,
  photos: ReadonlyMap<string, CapturedPhoto>,
  specialist: { id: string; name: string } | null,
): SubmitArgs {
  const formData: SubmitArgs['formData'] = {};
  const used = new Set<string>();
  const note = (v: AnswerValue) => {
    if (isPhoto(v)) used.add(v.ref);
  };
  for (const [key, value] of Object.entries(submission.form)) {
    if (Array.isArray(value)) {
      value.forEach((member, i) => {
        for (const [field, v] of Object.entries(member)) {
          Object.assign(formData, flatValues(`${key}.${i}.${field}`, v));
          note(v);
        }
      });
    } else {
      Object.assign(formData, flatValues(key, value));
      note(value);
    }
  }
  if (submission.fee) {
    formData['fee.year'] = submission.fee.year;
    formData['fee.persons'] = submission.fee.persons;
    formData['fee.totalYuan'] = submission.fee.totalYuan;
  }
  formData['surface'] = submission.surface;
  formData['identitySource'] = submission.applicant.source;
  const attachments = [...used].flatMap((ref) => {
    const p = photos.get(ref);
    if (!p) throw new Error(`photo ${ref} was answered but not captured`);
    return [{ name: p.name, mediaType: p.mediaType, base64: p.base64, sha256: p.sha256 }, ...(p.companions ?? [])];
  });
  return {
    serviceId: submission.serviceId,
    catalogueVersion: submission.catalogueVersion,
    formData,
    applicant: { idNumber: submission.applicant.idNumber, name: submission.applicant.name ?? NAME_NOT_READ },
    onBehalf: submission.onBehalf && specialist !== null,
    attachments,
  };
}
