// The pension office's side of the face check, as far as the reference server
// plays it: a demo enrolment (a demo resident's face descriptor, taken from one of
// their applications by the operator) and, for a later application, the similarity
// of its descriptor to that enrolment, recorded as advice only. The operator still
// decides with `server complete` / `server reject`; nothing here approves anything.
// Descriptors are biometric data: sealed at rest like every resident's record.
import { faceDescriptorSchema, FACE_DESCRIPTOR_ATTACHMENT } from '../common/domain/face.js';
import { maskIdNumber } from '../common/domain/application.js';
import type { Db } from '../offline-store/db/sqlite.js';
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
    private readonly db: Db,
    private readonly vault: Vault,
    private readonly admin: AdminDesk,
    private readonly readUpload: (id: string) => Buffer | null,
    private readonly now: () => Date,
  ) {}

  private descriptorOf(applicationId: string): { idNumber: string; descriptor: number[] } {
    const body = this.admin.body(applicationId) as { applicant: { idNumber: string } | null; attachments: { id: string; name: string }[] } | null;
    if (!body) throw new FaceAdviceError('no-application', `no application ${applicationId}`);
    const att = body.attachments.find((a) => a.name === FACE_DESCRIPTOR_ATTACHMENT);
    const bytes = att ? this.readUpload(att.id) : null;
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
  enrol(applicationId: string): { idNumberMasked: string } {
    const { idNumber, descriptor } = this.descriptorOf(applicationId);
    if (!demoResidents.some((r) => r.idNumber === idNumber)) throw new FaceAdviceError('not-demo-resident', 'demo enrolments are for the demo residents only; real enrolment is the pension office\'s');
    const key = this.vault.residentKey(idNumber);
    this.db
      .prepare('INSERT INTO face_enrolments (id_key, descriptor_enc, enrolled_at) VALUES (?, ?, ?) ON CONFLICT(id_key) DO UPDATE SET descriptor_enc = excluded.descriptor_enc, enrolled_at = excluded.enrolled_at')
      .run(key, this.vault.seal(JSON.stringify(descriptor), enrolmentAd(key)), this.now().toISOString());
    return { idNumberMasked: maskIdNumber(idNumber) };
  }

  /** Compares the application's descriptor with its applicant's demo enrolment and records the figure as advice. */
  advise(applicationId: string): FaceAdvice {
    const { idNumber, descriptor } = this.descriptorOf(applicationId);
    const key = this.vault.residentKey(idNumber);
    const row = this.db.prepare('SELECT descriptor_enc FROM face_enrolments WHERE id_key = ?').get(key) as { descriptor_enc: Buffer } | undefined;
    const similarity = row ? faceSimilarity(descriptor, JSON.parse(this.vault.openText(row.descriptor_enc, enrolmentAd(key))) as number[]) : null;
    const at = this.now().toISOString();
    this.db.prepare('INSERT INTO face_advice (application_id, similarity, at) VALUES (?, ?, ?) ON CONFLICT(application_id) DO UPDATE SET similarity = excluded.similarity, at = excluded.at').run(applicationId, similarity, at);
    return { applicationId, idNumberMasked: maskIdNumber(idNumber), similarity, at };
  }

  /** The advice recorded for an application, if any. */
  advice(applicationId: string): { similarity: number | null; at: string } | null {
    return (this.db.prepare('SELECT similarity, at FROM face_advice WHERE application_id = ?').get(applicationId) as { similarity: number | null; at: string } | undefined) ?? null;
  }
}
