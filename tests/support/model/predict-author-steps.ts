// What the model expects of a reader's own steps: posting (with the posting limits and the duplicate window),
// editing within the edit window, deleting, and reporting (one open report each, 20 a day).
import { UNMODERATED } from '@/tests/support/comments';
import type { CommentState } from './world-state';
import { authorizationRefusal, bump, commentById, done, isoAt, nextId, refused, userOf, type ModelContext, type Outcome } from './model-context';
import type { Call } from './resolve-step';
import { requiredText, optionalText } from './text-samples';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const COMMENT_MAX = 10_000;
const REPORT_NOTE_MAX = 500;
const REPORT_REASONS = ['spam', 'harassment', 'hate', 'misinformation', 'off_topic', 'other'];

type Input = Record<string, unknown>;

/** When the author may post again, or null: the refusal that ends last wins, a duplicate on a tie. */
function postingRefusal(model: ModelContext, authorId: number, body: string): Outcome | null {
  const mine = model.state.comments.filter((comment) => comment.author_id === authorId).map((comment) => ({ ...comment, at: Date.parse(comment.created_at) }));
  const newestFirst = (within: number) => mine.filter((comment) => comment.at > model.now - within).sort((a, b) => b.at - a.at);
  let latest: { until: number; outcome: Outcome } | null = null;
  const consider = (until: number, outcome: Outcome) => {
    if (until > model.now && (latest === null || until > latest.until)) latest = { until, outcome };
  };
  const duplicate = newestFirst(5 * MINUTE).find((comment) => comment.body === body && comment.status !== 'deleted');
  if (duplicate) consider(duplicate.at + 5 * MINUTE, refused('DUPLICATE'));
  for (const [limit, window] of [[5, MINUTE], [100, DAY]] as const) {
    const limitth = newestFirst(window)[limit - 1];
    if (limitth) consider(limitth.at + window, refused('RATE_LIMITED'));
  }
  return (latest as { outcome: Outcome } | null)?.outcome ?? null;
}

export function predictPost(model: ModelContext, { step, input }: Call): Outcome {
  if (step.kind !== 'post') throw new Error('not a post');
  const body = requiredText(step.body, COMMENT_MAX);
  if (step.actor === 'anonymous') return refused('UNAUTHENTICATED');
  if (!body.ok) return refused('INVALID_INPUT');
  const denied = authorizationRefusal(model, step.actor, 'post');
  if (denied) return refused(denied);
  const article = model.state.articles.find((row) => row.id === input.articleId);
  if (!article) return refused('NOT_FOUND');
  if (!article.comments_open) return refused('COMMENTS_CLOSED');
  const parent = input.parentId === null ? null : commentById(model, input.parentId as number);
  if (parent === undefined || (parent && parent.article_id !== article.id)) return refused('NOT_FOUND');
  if (parent && parent.status !== 'visible') return refused('CONFLICT');
  const author = userOf(model, step.actor)!;
  const limited = postingRefusal(model, author.id, body.value);
  if (limited) return limited;
  const at = isoAt(model.now);
  model.state.comments.push({
    id: nextId(model.state.comments),
    article_id: article.id,
    parent_id: parent?.id ?? null,
    author_id: author.id,
    body: body.value,
    status: 'visible',
    version: 1,
    created_at: at,
    updated_at: at,
    edited_at: null,
    ...UNMODERATED,
    open_reports: 0,
    revisions: 0,
  });
  article.comment_count += 1;
  return done(null);
}

/** The author's own visible comment, or why not; shared by edit and delete, which check in this order. */
function ownComment(model: ModelContext, call: Call): CommentState | Outcome {
  const denied = authorizationRefusal(model, call.step.actor, 'post');
  if (denied) return refused(denied);
  const comment = commentById(model, (call.input as Input).commentId as number);
  if (!comment) return refused('NOT_FOUND');
  if (comment.author_id !== userOf(model, call.step.actor)!.id) return refused('FORBIDDEN');
  return comment;
}

export function predictEdit(model: ModelContext, call: Call): Outcome {
  if (call.step.kind !== 'edit') throw new Error('not an edit');
  if (call.step.actor === 'anonymous') return refused('UNAUTHENTICATED');
  const body = requiredText(call.step.body, COMMENT_MAX);
  if (!body.ok || (call.input.version as number) < 1) return refused('INVALID_INPUT');
  const comment = ownComment(model, call);
  if ('ok' in comment) return comment;
  if (comment.status !== 'visible') return refused('CONFLICT');
  if (model.now - Date.parse(comment.created_at) > 15 * MINUTE) return refused('EDIT_WINDOW_PASSED');
  if (comment.version !== call.input.version) return refused('CONFLICT');
  if (comment.body === body.value) return refused('NO_CHANGE');
  if (comment.revisions >= 10) return refused('RATE_LIMITED');
  comment.body = body.value;
  comment.revisions += 1;
  bump(model, comment);
  comment.edited_at = comment.updated_at;
  return done('comment_edited');
}

export function predictDelete(model: ModelContext, call: Call): Outcome {
  if (call.step.actor === 'anonymous') return refused('UNAUTHENTICATED');
  const comment = ownComment(model, call);
  if ('ok' in comment) return comment;
  if (comment.status === 'deleted') return refused('NO_CHANGE');
  if (comment.status !== 'visible') return refused('CONFLICT');
  comment.status = 'deleted';
  bump(model, comment);
  return done('comment_deleted');
}

export function predictReport(model: ModelContext, { step, input }: Call): Outcome {
  if (step.kind !== 'report') throw new Error('not a report');
  if (step.actor === 'anonymous') return refused('UNAUTHENTICATED');
  const note = optionalText(step.note, REPORT_NOTE_MAX);
  if (!note.ok || !REPORT_REASONS.includes(step.reason)) return refused('INVALID_INPUT');
  const denied = authorizationRefusal(model, step.actor, 'report');
  if (denied) return refused(denied);
  const comment = commentById(model, input.commentId as number);
  if (!comment) return refused('NOT_FOUND');
  if (comment.status !== 'visible') return refused('CONFLICT');
  const reporter = userOf(model, step.actor)!;
  if (comment.author_id === reporter.id) return refused('FORBIDDEN');
  const theirs = model.state.reports.filter((report) => report.reporter_id === reporter.id);
  if (theirs.some((report) => report.comment_id === comment.id && report.resolved_at === null)) return refused('ALREADY_REPORTED');
  const today = theirs.map((report) => Date.parse(report.created_at)).filter((at) => at > model.now - DAY).sort((a, b) => b - a);
  if (today.length >= 20 && today[19]! + DAY > model.now) return refused('RATE_LIMITED');
  model.state.reports.push({
    id: nextId(model.state.reports),
    comment_id: comment.id,
    reporter_id: reporter.id,
    reason: step.reason,
    note: note.value,
    created_at: isoAt(model.now),
    resolved_at: null,
    resolution: null,
    resolved_by_id: null,
  });
  comment.open_reports += 1;
  return done(null);
}
