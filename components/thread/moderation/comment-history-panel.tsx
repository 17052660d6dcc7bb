'use client';
// A reply's History for moderators: every logged change to it, newest first, and the texts its author's edits replaced.
import { useQuery } from '@tanstack/react-query';
import { formatCommentTime } from '@/lib/shared/format/date';
import { stateChanges } from '@/lib/shared/format/state-changes';
import type { CommentLogEntry } from '@/lib/shared/moderation/types';
import { commentChangeWords } from '@/lib/shared/moderation/verbs';
import { reasonWords } from '@/lib/shared/vocabulary';
import { CommentBody } from '../comment-body';
import { commentHistoryKey, fetchCommentHistory } from './fetch-comment-history';

export function CommentHistoryPanel({ commentId, onClose }: { commentId: number; onClose: () => void }) {
  const query = useQuery({
    queryKey: commentHistoryKey(commentId),
    queryFn: ({ signal }) => fetchCommentHistory(commentId, signal),
    staleTime: 0,
  });
  return (
    <section className="comment-panel history-panel" aria-label="History of this reply">
      <h3>History</h3>
      {query.isPending && <p role="status">Loading the history…</p>}
      {query.isError && <p className="form-message error" role="alert">Could not load the history: {query.error.message}</p>}
      {query.data && (
        <>
          {query.data.entries.length === 0 ? (
            <p className="meta">No moderator or author has changed this reply.</p>
          ) : (
            <ol className="history-list">
              {query.data.entries.map((entry) => <HistoryEntry key={entry.id} entry={entry} />)}
            </ol>
          )}
          {query.data.revisions.length > 0 && (
            <>
              <h4>Earlier texts</h4>
              <ol className="history-list">
                {query.data.revisions.map((revision) => (
                  <li key={revision.version}>
                    <p className="meta">
                      Version {revision.version}: written <time dateTime={revision.writtenAt}>{formatCommentTime(revision.writtenAt)}</time>,
                      replaced <time dateTime={revision.replacedAt}>{formatCommentTime(revision.replacedAt)}</time>
                    </p>
                    <CommentBody text={revision.body} />
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
      <div className="form-buttons">
        <button type="button" className="secondary" onClick={onClose}>Close history</button>
      </div>
    </section>
  );
}

function HistoryEntry({ entry }: { entry: CommentLogEntry }) {
  const changes = stateChanges(entry.previousState, entry.newState);
  return (
    <li className="history-entry">
      <p>
        <time dateTime={entry.at}>{formatCommentTime(entry.at)}</time>
        {' · '}
        <strong>{commentChangeWords(entry.action)}</strong>
        {' · '}
        <bdi>{entry.actorName}</bdi> ({entry.actorRole})
      </p>
      {entry.reasonCode && <p>Reason: {reasonWords(entry.reasonCode)}</p>}
      {entry.publicNote && <p dir="auto">Public note: {entry.publicNote}</p>}
      {entry.internalNote && <p dir="auto">Internal note: {entry.internalNote}</p>}
      {changes.length > 0 && (
        <ul className="state-changes" aria-label="Previous → new state">
          {changes.map((change) => <li key={change}>{change}</li>)}
        </ul>
      )}
    </li>
  );
}
