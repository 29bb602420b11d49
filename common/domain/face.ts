// The face check of 养老资格认证: which challenges a resident can be asked to do,
// and the log of what was asked and when it was done, which travels with the
// chosen photo as an attachment so the pension office sees how it was taken.
import { z } from 'zod';

/** blink: 眨眨眼; turn-left / turn-right: the resident's own left or right; open-mouth: 张张嘴. */
export const challengeKinds = ['blink', 'turn-left', 'turn-right', 'open-mouth'] as const;
export const challengeKindSchema = z.enum(challengeKinds);
export type ChallengeKind = z.infer<typeof challengeKindSchema>;

/** Why an attempt did not pass, as the screen says it and the log records it. */
export const faceFailReasons = ['no-face', 'two-faces', 'not-positioned', 'face-changed', 'challenge-timeout'] as const;
export type FaceFailReason = (typeof faceFailReasons)[number];

export const challengeLogEntrySchema = z.object({
  challenge: challengeKindSchema,
  /** Milliseconds from the start of the attempt. */
  askedAtMs: z.number().int().nonnegative(),
  doneAtMs: z.number().int().nonnegative().nullable(),
});
export type ChallengeLogEntry = z.infer<typeof challengeLogEntrySchema>;

/** The attachment `face-check.json`: every attempt of this visit, the last one passed. */
export const faceCheckLogSchema = z.object({
  version: z.literal(1),
  /** ISO time the check passed (station clock). */
  passedAt: z.string(),
  attempts: z.array(
    z.object({
      challenges: z.array(challengeLogEntrySchema),
      outcome: z.enum(['passed', 'failed']),
      reason: z.enum(faceFailReasons).nullable(),
      durationMs: z.number().int().nonnegative(),
    }),
  ),
  /** What ran it, so the office can weigh it: library, backend, models. */
  engine: z.string().max(200),
});
export type FaceCheckLog = z.infer<typeof faceCheckLogSchema>;

/** The attachment `face-descriptor.json`: the faceres embedding of the chosen photo, for the office's own comparison. */
export const faceDescriptorSchema = z.object({
  version: z.literal(1),
  model: z.string().max(100),
  descriptor: z.array(z.number().finite()).min(64).max(2048),
});
export type FaceDescriptor = z.infer<typeof faceDescriptorSchema>;

/** Attachment names the server looks for. */
export const FACE_LOG_ATTACHMENT = 'face-check.json';
export const FACE_DESCRIPTOR_ATTACHMENT = 'face-descriptor.json';
