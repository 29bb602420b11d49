// What every repository gets: the open database, the clock, the key used to make
// pseudonymous lookup keys, and `guard`, which turns SQLite failures into typed
// StoreErrors and reports the store's health (a full disk is a state, not a crash).
import crypto from 'node:crypto';
import type { ApplicationStatus } from '../../common/domain/application.js';
import type { Db } from '../db/open.js';

export interface RepoContext {
  readonly db: Db;
  readonly now: () => Date;
  /** The station's time zone: the calendar day in tracking numbers is the station's, not UTC's. */
  readonly timeZone: string;
  /** Runs a unit of work, classifying failures and reporting health. */
  guard<T>(fn: () => T): T;
  /** HMAC of a resident's ID number: lookups without an index of plain numbers. */
  subjectKey(idNumber: string): string;
  /** Announces a status change; delivered only once the surrounding unit of work succeeded. */
  changed(id: string, status: ApplicationStatus): void;
}

export function makeSubjectKeyer(secret: Buffer): (idNumber: string) => string {
  const key = crypto.createHmac('sha256', secret).update('xiangyin/subject-key/v1').digest();
  return (idNumber) => crypto.createHmac('sha256', key).update(idNumber.trim().toUpperCase()).digest('hex');
}
