// Lays a comment's moderation state over the view a moderator's thread holds: status, text, version and what readers see all follow from it.
import type { CommentModeration } from '@/lib/shared/moderation/types';
import type { CommentText, CommentView } from './types';

export function applyModeration<T extends CommentView>(comment: T, moderation: CommentModeration): T {
  return {
    ...comment,
    ...textOf(moderation),
    version: moderation.version,
    publicNotes: moderation.annotations
      .filter((annotation) => annotation.visibility === 'public')
      .map(({ id, body, at }) => ({ id, body, at })),
    moderation,
  };
}

function textOf(moderation: CommentModeration): CommentText {
  switch (moderation.status) {
    case 'visible':
      return { status: 'visible', body: moderation.body, authorName: moderation.authorName, hiddenReason: null, hiddenExplanation: null };
    case 'hidden':
      // A trigger keeps the hide's reason set while the status is hidden, so `hidden` is there.
      return { status: 'hidden', body: null, authorName: null, hiddenReason: moderation.hidden!.reason, hiddenExplanation: moderation.hidden!.explanation };
    default:
      return { status: moderation.status, body: null, authorName: null, hiddenReason: null, hiddenExplanation: null };
  }
}
