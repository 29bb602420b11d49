// The pension office's side of the face check, as far as the reference server
// plays it: a demo enrolment (a demo resident's face descriptor, taken from one of
// their applications by the operator) and, for a later application, the similarity
// of its descriptor to that enrolment, recorded as advice only. The operator still
// decides with `server complete` / `server reject`; nothing here approves anything.
// Descriptors are biometric data: sealed at rest like every resident's record.
import { faceDescriptorSchema, FACE_DESCRIPTOR_ATTACHMENT } from '../common/domain/face.js';
import { maskIdNumber } from '../common/domain/application.js';
import type { ServerStorage } from './storage/storage.js';
import { demoResidents } from './demo-data.js';
import type { AdminDesk } from './admin.js';
import type { Vault } from './vault.js';

const enrolmentAd = (idKey: string) => `face_enrolments:${idKey}`;

/** An operator's face command that cannot be carried out; nothing was written. */
export class FaceAdviceError extends Error {
  constructor(
    readonly code: 'no-application' | 'no-descriptor' | 'not-demo-resident' | 'bad-descriptor',
    message: string,
  ) {
    super(message);
    this.name = 'FaceAdviceError';
  }
}

/**
 * human's faceres similarity (match.similarity with its defaults: order 2,
 * multiplier 25, min 0.2, max 0.8), so the figures compare with those measured in
 * ../shared/faces/PROVENANCE.md: same person 0.33–0.60 there, different people up
 * to 0.47. The ranges overlap: advice, never a decision.
 */
export function faceSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) throw new FaceAdviceError('bad-descriptor', 'descriptors of different lengths cannot be compared');
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  const dist = Math.round(100 * 25 * sum) / 100;
  if (dist === 0) return 1;
  const norm = (1 - Math.sqrt(dist) / 100 - 0.2) / (0.8 - 0.2);
  return Math.round(100 * Math.max(Math.min(norm, 1), 0)) / 100;
}

export interface FaceAdvice {
  applicationId: string;
  idNumberMasked: string;
  /** Null when the resident has no demo enrolment yet. */
  similarity: number | null;
  at: string;
}

export class FaceDesk {
  constructor(
    private readonly storage: ServerStorage,
    private readonly vault: Vault,
    private readonly admin: AdminDesk,
    private readonly now: () => Date,
  ) {}

  private async descriptorOf(applicationId: string): Promise<{ idNumber: string; descriptor: number[] }> {
    const body = (await this.admin.body(applicationId)) as { applicant: { idNumber: string } | null; attachments: { id: string; name: string }[] } | null;
    if (!body) throw new FaceAdviceError('no-application', `no application ${applicationId}`);
    const att = body.attachments.find((a) => a.name === FACE_DESCRIPTOR_ATTACHMENT);
    const bytes = att ? await this.storage.attachment(att.id) : null;
    if (!att || !bytes || !body.applicant) throw new FaceAdviceError('no-descriptor', `application ${applicationId} carries no face descriptor (no face check, or its attachments were purged)`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new FaceAdviceError('bad-descriptor', `the face descriptor of ${applicationId} is not JSON`);
    }
    const d = faceDescriptorSchema.safeParse(parsed);
    if (!d.success) throw new FaceAdviceError('bad-descriptor', `the face descriptor of ${applicationId} is malformed`);
    return { idNumber: body.applicant.idNumber, descriptor: d.data.descriptor };
  }

  /** Demo residents only: the application's descriptor becomes their enrolment (replacing an older one). */
  async enrol(applicationId: string): Promise<{ idNumberMasked: string }> {
    const { idNumber, descriptor } = await this.descriptorOf(applicationId);
    if (!demoResidents.some((r) => r.idNumber === idNumber)) throw new FaceAdviceError('not-demo-resident', 'demo enrolments are for the demo residents only; real enrolment is the pension office\'s');
    const key = this.vault.residentKey(idNumber);
    await this.storage.setFaceEnrolment(key, this.vault.seal(JSON.stringify(descriptor), enrolmentAd(key)), this.now().toISOString());
    return { idNumberMasked: maskIdNumber(idNumber) };
  }

  /** Compares the application's descriptor with its applicant's demo enrolment and records the figure as advice. */
  async advise(applicationId: string): Promise<FaceAdvice> {
    const { idNumber, descriptor } = await this.descriptorOf(applicationId);
    const key = this.vault.residentKey(idNumber);
    const enrolled = await this.storage.faceEnrolment(key);
    const similarity = enrolled ? faceSimilarity(descriptor, JSON.parse(this.vault.openText(enrolled, enrolmentAd(key))) as number[]) : null;
    const at = this.now().toISOString();
    await this.storage.setFaceAdvice(applicationId, similarity, at);
    return { applicationId, idNumberMasked: maskIdNumber(idNumber), similarity, at };
  }

  /** The advice recorded for an application, if any. */
  advice(applicationId: string): Promise<{ similarity: number | null; at: string } | null> {
    return this.storage.faceAdvice(applicationId);
  }
}
