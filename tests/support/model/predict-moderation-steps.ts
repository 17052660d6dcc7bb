// What the model expects of a moderator's step on one comment: the caller, the input, the version seen, then the
// action's own rule (already flagged, not hidden, deleted, no open reports, a note elsewhere or already removed).
import { authorizationRefusal, bump, commentById, done, isoAt, nextId, refused, userOf, type ModelContext, type Outcome } from './model-context';
import type { Call } from './resolve-step';
import type { CommentState } from './world-state';
import { optionalText, requiredText, type TextName } from './text-samples';

const MODERATION_REASONS = ['spam', 'harassment', 'hate', 'misinformation', 'off_topic', 'personal_information', 'other'];
const NOTE_MAX = 1000;
const EXPLANATION_MAX = 300;

/** Whether the schema of the step's action accepts its input (the version must be 1 or more). */
function inputAccepted({ step, input }: Call): boolean {
  if ((input.version as number) < 1) return false;
  switch (step.kind) {
    case 'flag':
      return MODERATION_REASONS.includes(step.reason) && optionalText(step.note, NOTE_MAX).ok;
    case 'hide':
      return MODERATION_REASONS.includes(step.reason) && optionalText(step.explanation, EXPLANATION_MAX).ok && optionalText(step.note, NOTE_MAX).ok;
    case 'unflag':
    case 'unhide':
    case 'dismiss':
      return optionalText(step.note, NOTE_MAX).ok;
    case 'annotate':
      return ['internal', 'public'].includes(step.visibility) && requiredText(step.body, NOTE_MAX).ok;
    default:
      return true;
  }
}

const clearFlag = (comment: CommentState) =>
  Object.assign(comment, { flag_reason: null, flag_note: null, flagged_by_id: null, flagged_at: null });

function resolveOpenReports(model: ModelContext, comment: CommentState, resolution: string, byId: number): void {
  for (const report of model.state.reports) {
    if (report.comment_id !== comment.id || report.resolved_at !== null) continue;
    Object.assign(report, { resolved_at: isoAt(model.now), resolution, resolved_by_id: byId });
  }
  comment.open_reports = 0;
}

export function predictModeration(model: ModelContext, call: Call): Outcome {
  const { step, input } = call;
  if (step.actor === 'anonymous') return refused('UNAUTHENTICATED');
  if (!inputAccepted(call)) return refused('INVALID_INPUT');
  const denied = authorizationRefusal(model, step.actor, 'moderate');
  if (denied) return refused(denied);
  const comment = commentById(model, input.commentId as number);
  if (!comment) return refused('NOT_FOUND');
  if (comment.version !== input.version || comment.status === 'unavailable') return refused('CONFLICT');
  const outcome = decide(model, call, comment, userOf(model, step.actor)!.id);
  if (outcome.ok) bump(model, comment);
  return outcome;
}

function decide(model: ModelContext, { step, input }: Call, comment: CommentState, moderatorId: number): Outcome {
  const at = isoAt(model.now);
  switch (step.kind) {
    case 'flag':
      if (comment.flag_reason !== null) return refused('NO_CHANGE');
      Object.assign(comment, { flag_reason: step.reason, flag_note: noteOf(step.note, NOTE_MAX), flagged_by_id: moderatorId, flagged_at: at });
      return done('comment_flagged');
    case 'unflag':
      if (comment.flag_reason === null) return refused('NO_CHANGE');
      clearFlag(comment);
      return done('comment_unflagged');
    case 'hide':
      if (comment.status === 'hidden') return refused('NO_CHANGE');
      if (comment.status === 'deleted') return refused('CONFLICT');
      clearFlag(comment);
      Object.assign(comment, {
        status: 'hidden',
        hidden_reason: step.reason,
        hidden_explanation: noteOf(step.explanation, EXPLANATION_MAX),
        hidden_note: noteOf(step.note, NOTE_MAX),
        hidden_by_id: moderatorId,
        hidden_at: at,
      });
      resolveOpenReports(model, comment, 'hidden', moderatorId);
      return done('comment_hidden');
    case 'unhide':
      if (comment.status !== 'hidden') return refused('NO_CHANGE');
      Object.assign(comment, { status: 'visible', hidden_reason: null, hidden_explanation: null, hidden_note: null, hidden_by_id: null, hidden_at: null });
      return done('comment_unhidden');
    case 'annotate':
      model.state.annotations.push({
        id: nextId(model.state.annotations),
        comment_id: comment.id,
        author_id: moderatorId,
        visibility: step.visibility,
        body: bodyOf(step.body),
        created_at: at,
        removed_at: null,
        removed_by_id: null,
      });
      return done('annotation_added');
    case 'removeAnnotation': {
      const note = model.state.annotations.find((row) => row.id === input.annotationId && row.comment_id === comment.id);
      if (!note) return refused('NOT_FOUND');
      if (note.removed_at !== null) return refused('NO_CHANGE');
      Object.assign(note, { removed_at: at, removed_by_id: moderatorId });
      return done('annotation_removed');
    }
    case 'dismiss':
      if (comment.open_reports === 0) return refused('NO_CHANGE');
      resolveOpenReports(model, comment, 'dismissed', moderatorId);
      return done('reports_dismissed');
    default:
      throw new Error(`${step.kind} is not a moderation step`);
  }
}

function noteOf(raw: TextName, max: number): string | null {
  const note = optionalText(raw, max);
  if (!note.ok) throw new Error('a refused note got past inputAccepted');
  return note.value;
}

function bodyOf(raw: TextName): string {
  const body = requiredText(raw, NOTE_MAX);
  if (!body.ok) throw new Error('a refused body got past inputAccepted');
  return body.value;
}
