// A reply's open reports: how many there are, and closing them all at once, which hiding and dismissing both do.
import 'server-only';
import type { Tx } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { ReportResolution } from '@/db/report-reasons';

export function countOpenReports(tx: Tx, commentId: number): number {
  return prepared(tx, 'SELECT count(*) FROM reports WHERE comment_id = ? AND resolved_at IS NULL').pluck().get(commentId) as number;
}

/** Resolves every open report on the reply as `resolution`, by this moderator, at `at`. */
export function closeOpenReports(tx: Tx, commentId: number, resolution: ReportResolution, moderatorId: number, at: string): void {
  prepared(tx, `UPDATE reports SET resolved_at = ?, resolution = ?, resolved_by_id = ?
    WHERE comment_id = ? AND resolved_at IS NULL`).run(at, resolution, moderatorId, commentId);
}
