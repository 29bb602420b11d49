// Small append-only records: satisfaction ratings and device events.
import type { RepoContext } from './context.js';

export interface RatingInput {
  serviceId: string;
  applicationId?: string | null;
  score: number;
  comment?: string | null;
}

export interface DeviceEventInput {
  deviceId: string;
  state: string;
  message?: string | null;
}

export class RecordsRepo {
  constructor(private readonly c: RepoContext) {}

  addRating(r: RatingInput): number {
    return this.c.guard(() =>
      Number(
        this.c.db
          .prepare('INSERT INTO ratings (at, service_id, application_id, score, comment) VALUES (?, ?, ?, ?, ?)')
          .run(this.c.now().toISOString(), r.serviceId, r.applicationId ?? null, r.score, r.comment ?? null).lastInsertRowid,
      ),
    );
  }

  /** How many ratings since `sinceIso`, and their average score (null when none). */
  ratingsSince(sinceIso: string): { count: number; average: number | null } {
    return this.c.guard(() => {
      const row = this.c.db.prepare('SELECT count(*) AS n, avg(score) AS avg FROM ratings WHERE at >= ?').get(sinceIso) as { n: number; avg: number | null };
      return { count: row.n, average: row.n > 0 && row.avg !== null ? row.avg : null };
    });
  }

  addDeviceEvent(e: DeviceEventInput): number {
    return this.c.guard(() =>
      Number(
        this.c.db
          .prepare('INSERT INTO device_events (at, device_id, state, message) VALUES (?, ?, ?, ?)')
          .run(this.c.now().toISOString(), e.deviceId, e.state, e.message ?? null).lastInsertRowid,
      ),
    );
  }
}
