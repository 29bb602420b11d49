// Retention: once the server has completed an application, the kiosk keeps its
// personal data (applicant, form, attachment bytes) only for `retentionDays`.
// The row itself stays (id, status, receipt number) so the history still reads.
// secure_delete is on, so the freed pages are overwritten, not just unlinked.
import type { RepoContext } from './repo/context.js';

export interface PurgeResult {
  applications: number;
  cacheEntries: number;
}

export function purgeExpired(c: RepoContext, retentionDays: number): PurgeResult {
  const cutoff = new Date(c.now().getTime() - retentionDays * 86_400_000).toISOString();
  const at = c.now().toISOString();
  return c.guard(() =>
    c.db
      .transaction(() => {
        const ids = (
          c.db.prepare("SELECT id FROM applications WHERE status = 'completed' AND completed_at < ? AND purged_at IS NULL").all(cutoff) as { id: string }[]
        ).map((r) => r.id);
        const clear = c.db.prepare(
          'UPDATE applications SET applicant_key = NULL, applicant_id = NULL, applicant_name = NULL, form_json = NULL, purged_at = ? WHERE id = ?',
        );
        const clearAtt = c.db.prepare('UPDATE attachments SET data = NULL WHERE application_id = ?');
        for (const id of ids) {
          clear.run(at, id);
          clearAtt.run(id);
        }
        const cache = c.db.prepare('DELETE FROM query_cache WHERE fetched_at < ?').run(cutoff).changes;
        if (ids.length || cache)
          c.db
            .prepare("INSERT INTO audit_log (at, actor_kind, actor_id, action, subject_id, on_behalf_json, detail) VALUES (?, 'system', NULL, 'retention.purge', NULL, NULL, ?)")
            .run(at, JSON.stringify({ applications: ids.length, cacheEntries: cache, retentionDays }));
        return { applications: ids.length, cacheEntries: cache };
      })
      .immediate(),
  );
}
