// A reply's notes as moderators see them: public ones (which readers see as "Moderator note") and internal ones, each removable.
import { useId } from 'react';
import type { AnnotationView } from '@/lib/shared/moderation/types';
import { isPendingAnnotation, MODERATION_VERBS } from '@/lib/shared/moderation/verbs';
import { CommentBody } from '../comment-body';
import { Who } from './moderation-state';

type Props = { annotations: AnnotationView[]; busy: boolean; onRemove: (annotationId: number) => void };

export function AnnotationList({ annotations, busy, onRemove }: Props) {
  const id = useId();
  if (annotations.length === 0) return null;
  return (
    <ul className="moderator-notes" aria-label="Notes on this reply">
      {annotations.map((annotation) => (
        <li key={annotation.id} className={`moderator-note moderator-note-${annotation.visibility}`}>
          <p className="note-label" id={`${id}-${annotation.id}`}>
            {annotation.visibility === 'public' ? 'Moderator note' : 'Internal note'}
            <span className="meta"> · <Who done={annotation} /></span>
          </p>
          <CommentBody text={annotation.body} />
          {!isPendingAnnotation(annotation) && (
            <button
              type="button"
              className="link-button"
              aria-describedby={`${id}-${annotation.id}`}
              aria-disabled={busy || undefined}
              onClick={() => !busy && onRemove(annotation.id)}
            >
              {MODERATION_VERBS.removeAnnotation.label}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
