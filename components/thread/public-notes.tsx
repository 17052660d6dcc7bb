// The moderators' public notes on a comment, as every reader sees them under it: labelled, plain text, without who wrote them.
import type { PublicNote } from '@/lib/shared/thread/types';
import { CommentBody } from './comment-body';

export function PublicNotes({ notes }: { notes: PublicNote[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="public-notes" aria-label="Moderator notes">
      {notes.map((note) => (
        <li key={note.id} className="public-note">
          <p className="note-label">Moderator note</p>
          <CommentBody text={note.body} />
        </li>
      ))}
    </ul>
  );
}
