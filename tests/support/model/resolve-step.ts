// Turns a step's picks into the input lib receives, against the model's rows at that moment (the clock moves first).
import { MISSING_ID, userOf, type ModelContext } from './model-context';
import type { CommentPick, Step, VersionPick } from './model-commands';
import type { UserName } from './model-scene';
import { rawBanReason, rawText } from './text-samples';
import type { CommentState } from './world-state';

export type Call = { step: Step; now: number; input: Record<string, unknown> };

/** The row at place `pick` (modulo their number plus one, the extra place being MISSING_ID). */
function idAt(model: ModelContext, pick: CommentPick, among: readonly { id: number }[] = model.state.comments): number {
  const slot = pick % (among.length + 1);
  return slot === among.length ? MISSING_ID : among[slot]!.id;
}

function versionOf(model: ModelContext, id: number, pick: VersionPick): number {
  const current = model.state.comments.find((comment) => comment.id === id)?.version ?? 1;
  return pick === 'current' ? current : pick === 'stale' ? current - 1 : current + 1;
}

/** The comments each moderation step applies to, for a step that asks for a suited target. */
const SUITS: Partial<Record<Step['kind'], (comment: CommentState) => boolean>> = {
  flag: (comment) => comment.flag_reason === null,
  unflag: (comment) => comment.flag_reason !== null,
  hide: (comment) => comment.status === 'visible',
  unhide: (comment) => comment.status === 'hidden',
  dismiss: (comment) => comment.open_reports > 0,
};

function atVersion(model: ModelContext, step: Extract<Step, { suited: boolean }>): { commentId: number; version: number } {
  const suits = SUITS[step.kind];
  const suited = suits && step.suited ? model.state.comments.filter(suits) : [];
  const id = suited.length > 0 ? suited[step.target % suited.length]!.id : idAt(model, step.target);
  return { commentId: id, version: versionOf(model, id, step.version) };
}

function userId(model: ModelContext, user: UserName | 'nobody'): number {
  return user === 'nobody' ? MISSING_ID : model.scene.userIds[user];
}

export function resolveStep(model: ModelContext, step: Step): Call {
  model.now += step.advanceMs;
  const call = (input: Record<string, unknown>): Call => ({ step, now: model.now, input });
  switch (step.kind) {
    case 'post': {
      const { scene } = model;
      const articleId = step.article === 'open' ? scene.openArticle : step.article === 'closed' ? scene.closedArticle : MISSING_ID;
      return call({ articleId, parentId: step.parent === null ? null : idAt(model, step.parent), body: rawText(step.body) });
    }
    case 'edit':
    case 'delete': {
      const author = userOf(model, step.actor);
      const mine = model.state.comments.filter((comment) => author !== null && comment.author_id === author.id);
      const id = step.mine && mine.length > 0 ? mine[step.target % mine.length]!.id : idAt(model, step.target);
      return call(step.kind === 'edit' ? { commentId: id, version: versionOf(model, id, step.version), body: rawText(step.body) } : { commentId: id });
    }
    case 'report':
      return call({ commentId: idAt(model, step.target), reason: step.reason, note: rawText(step.note) });
    case 'changeRole':
      return call({ userId: userId(model, step.user), role: step.role });
    case 'ban':
      return call({ userId: userId(model, step.user), reason: rawBanReason(step.reason) });
    case 'unban':
      return call({ userId: userId(model, step.user) });
    case 'flag':
      return call({ ...atVersion(model, step), reason: step.reason, note: rawText(step.note) });
    case 'unflag':
    case 'unhide':
    case 'dismiss':
      return call({ ...atVersion(model, step), note: rawText(step.note) });
    case 'hide':
      return call({ ...atVersion(model, step), reason: step.reason, explanation: rawText(step.explanation), note: rawText(step.note) });
    case 'annotate':
      return call({ ...atVersion(model, step), visibility: step.visibility, body: rawText(step.body) });
    case 'removeAnnotation': {
      const { annotations } = model.state;
      if (step.onTarget && annotations.length > 0) {
        const note = annotations[step.annotation % annotations.length]!;
        return call({ commentId: note.comment_id, version: versionOf(model, note.comment_id, step.version), annotationId: note.id });
      }
      return call({ ...atVersion(model, step), annotationId: idAt(model, step.annotation, annotations) });
    }
  }
}
