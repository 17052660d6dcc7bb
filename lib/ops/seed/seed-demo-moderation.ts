// The demo's first reports and moderation decisions, made through the real actions, so that the queue,
// the moderation log and the transparency summary have something to show on a fresh demo.
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { UserViewer } from '@/lib/shared/auth/actor';
import { annotateComment } from '@/lib/moderation/annotate-comment';
import { dismissReports } from '@/lib/moderation/dismiss-reports';
import { flagComment } from '@/lib/moderation/flag-comment';
import { hideComment } from '@/lib/moderation/hide-comment';
import { readSessionUser } from '@/lib/auth/session-user';
import { findUserIdByEmail } from '@/lib/queries/users';
import { reportComment } from '@/lib/reports/report-comment';
import type { Failure } from '@/lib/shared/result';

const HOUR = 60 * 60 * 1000;

type DemoCast = { moderator: string; reader: string };

function viewerFor(db: Db, email: string): UserViewer {
  const id = findUserIdByEmail(db, email);
  const user = id === undefined ? undefined : readSessionUser(db, id);
  if (!user) throw new Error(`The demo account ${email} is missing.`);
  const { sessionVersion: _sessionVersion, ...row } = user;
  return { kind: 'user', ...row, requestId: `demo-${randomUUID()}` };
}

function versionOf(db: Db, commentId: number): number {
  return (prepared(db, 'SELECT version FROM comments WHERE id = ?').get(commentId) as { version: number }).version;
}

function mustSucceed(what: string, result: { ok: true } | Failure): void {
  if (!result.ok) throw new Error(`Seeding the demo's moderation: ${what} was refused: ${result.message}`);
}

/**
 * Runs once per demo database: when the article already has log rows, it writes nothing. Reports are
 * dated a few hours back so the summary's "first report to decision" times are not zero.
 */
export function seedDemoModeration(db: Db, articleId: number, cast: DemoCast, now = Date.now()): { seeded: boolean } {
  if (prepared(db, 'SELECT 1 FROM moderation_log WHERE article_id = ? LIMIT 1').get(articleId)) return { seeded: false };
  const comments = prepared(db, `SELECT id FROM comments WHERE article_id = ? AND status = 'visible' AND author_id IS NULL
    AND parent_id IS NULL ORDER BY id LIMIT 6`).pluck().all(articleId) as number[];
  if (comments.length < 6) return { seeded: false };
  const [flagged, hidden, annotated, stillReported, dismissed] = comments.slice(1) as [number, number, number, number, number];
  const moderator = viewerFor(db, cast.moderator);
  const reader = viewerFor(db, cast.reader);
  const at = (hoursAgo: number) => ({ now: now - hoursAgo * HOUR });

  mustSucceed('a report', reportComment(db, reader, { commentId: hidden, reason: 'spam', note: 'The same link is in three threads.' }, at(5)));
  mustSucceed('a report', reportComment(db, reader, { commentId: dismissed, reason: 'harassment', note: null }, at(3)));
  mustSucceed('a report', reportComment(db, reader, { commentId: stillReported, reason: 'off_topic', note: null }, at(1)));
  mustSucceed('the hide', hideComment(db, moderator, {
    commentId: hidden, version: versionOf(db, hidden), reason: 'spam',
    explanation: 'Promotional link, posted in several threads.', note: 'Same link on three articles this week.',
  }, at(0)));
  mustSucceed('the dismissal', dismissReports(db, moderator, { commentId: dismissed, version: versionOf(db, dismissed), note: 'Sharp, but about the argument, not the person.' }, at(0)));
  mustSucceed('the flag', flagComment(db, moderator, { commentId: flagged, version: versionOf(db, flagged), reason: 'misinformation', note: 'Check the figures with the newsroom.' }, at(0)));
  mustSucceed('the note', annotateComment(db, moderator, {
    commentId: annotated, version: versionOf(db, annotated), visibility: 'public', body: 'Please keep replies about the article and each other\'s arguments.',
  }, at(0)));
  return { seeded: true };
}
