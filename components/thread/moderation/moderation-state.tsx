// What moderators see of a reply beyond what readers do: the text readers no longer get, dimmed, and who hid or flagged it, when and why.
import { formatCommentTime } from '@/lib/shared/format/date';
import type { CommentModeration, DoneBy } from '@/lib/shared/moderation/types';
import { MODERATION_REASON_WORDS } from '@/lib/shared/vocabulary';
import { CommentBody } from '../comment-body';

const GONE_TEXT_LABEL = {
  hidden: 'Hidden text (readers see only the notice above):',
  deleted: 'Deleted by its author; the text readers no longer see:',
} as const;

export function ModerationState({ moderation }: { moderation: CommentModeration }) {
  const { hidden, flag } = moderation;
  return (
    <>
      {(moderation.status === 'hidden' || moderation.status === 'deleted') && (
        <div className="moderation-gone-text">
          <p className="meta">{GONE_TEXT_LABEL[moderation.status]}</p>
          <CommentBody text={moderation.body} />
        </div>
      )}
      {hidden && (
        <div className="moderation-detail">
          <p>
            Hidden by <Who done={hidden} /> — {MODERATION_REASON_WORDS[hidden.reason]}
          </p>
          {hidden.explanation && <p dir="auto">Public explanation: {hidden.explanation}</p>}
          {hidden.note && <p dir="auto">Internal note: {hidden.note}</p>}
        </div>
      )}
      {flag && (
        <div className="moderation-detail">
          <p>
            Flagged by <Who done={flag} /> — {MODERATION_REASON_WORDS[flag.reason]}
          </p>
          {flag.note && <p dir="auto">Internal note: {flag.note}</p>}
        </div>
      )}
    </>
  );
}

/** "mod@example.com, 5 Jan 2026, 12:00": who as the log names them, and when. */
export function Who({ done }: { done: DoneBy }) {
  return (
    <>
      <bdi>{done.by ?? 'the system'}</bdi>, <time dateTime={done.at}>{formatCommentTime(done.at)}</time>
    </>
  );
}
