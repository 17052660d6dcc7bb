'use client';
// A reader's report: a reason from the fixed list and an optional note for the moderators.
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { REPORT_REASONS, type ReportReason } from '@/db/report-reasons';
import { REPORT_REASON_WORDS } from '@/lib/shared/vocabulary';
import { ActionRefused, errorMessageOf, unlessRefused } from '@/lib/browser/action-refused';
import { reportCommentAction } from '@/lib/actions/comments';
import { REPORT_NOTE_MAX } from '@/lib/shared/comments/comment-rules';
import type { ThreadComment } from '@/lib/shared/thread/merge-local-comments';
import { codePointLength } from '@/lib/shared/validation/unicode';
import { useThreadControls } from './thread-context';

export function ReportCommentForm({ comment, onClose }: { comment: ThreadComment; onClose: () => void }) {
  const thread = useThreadControls();
  const id = useId();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [note, setNote] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const mutation = useMutation({
    mutationFn: async (input: { reason: ReportReason; note: string }) =>
      unlessRefused(await reportCommentAction({ commentId: comment.id, ...input })),
    onSuccess: () => {
      thread.markReported(comment.id);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ActionRefused && error.failure.code === 'ALREADY_REPORTED') thread.markReported(comment.id);
    },
  });
  const noteLength = codePointLength(note);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason) return setMissingReason(true);
    mutation.mutate({ reason, note });
  }

  return (
    <form className="comment-panel report-form" onSubmit={submit} aria-label="Report this comment">
      <fieldset aria-describedby={missingReason ? `${id}-reason-error` : undefined}>
        <legend>Why should moderators look at this comment?</legend>
        {REPORT_REASONS.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${id}-reason`}
              value={value}
              checked={reason === value}
              onChange={() => {
                setReason(value);
                setMissingReason(false);
              }}
            />
            {REPORT_REASON_WORDS[value]}
          </label>
        ))}
        {missingReason && <p id={`${id}-reason-error`} className="form-message error" role="alert">Choose a reason.</p>}
      </fieldset>
      <label htmlFor={`${id}-note`}>Note for the moderators (optional)</label>
      <textarea id={`${id}-note`} rows={2} value={note} onChange={(event) => setNote(event.target.value)} aria-describedby={`${id}-note-count`} />
      <p id={`${id}-note-count`} className={`field-hint${noteLength > REPORT_NOTE_MAX ? ' error' : ''}`}>
        {noteLength} / {REPORT_NOTE_MAX} characters
      </p>
      {mutation.error && <p className="form-message error" role="alert">{errorMessageOf(mutation.error)}</p>}
      <div className="form-buttons">
        <button type="submit" disabled={mutation.isPending}>{mutation.isPending ? 'Sending…' : 'Send report'}</button>
        <button type="button" className="secondary" disabled={mutation.isPending} onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}
