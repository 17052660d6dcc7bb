'use client';
// One reply in the moderation queue: its state and latest action in words, what it is about, and every action as a button.
import Link from 'next/link';
import { useId } from 'react';
import { AnnotateCommentForm } from '@/components/moderation/forms/annotate-comment-form';
import { FlagCommentForm, HideCommentForm } from '@/components/moderation/forms/reasoned-action-form';
import { ModerationBadges } from '@/components/moderation/forms/moderation-badges';
import { ModeratedCommentDetails } from '@/components/moderation/moderated-comment-details';
import { latestActionWords, stateWords } from '@/components/moderation/moderation-words';
import { formatCommentTime } from '@/lib/shared/format/date';
import { MODERATION_VERBS, type ModerationRequest } from '@/lib/shared/moderation/verbs';
import type { ShownCard } from './queue-overlay';

export type CardForm = 'hide' | 'flag' | 'annotate';

type Props = {
  card: ShownCard;
  viewerEmail: string;
  now: number;
  selected: boolean;
  form: CardForm | null;
  error: string | null;
  onSelect: (selected: boolean) => void;
  onOpenForm: (form: CardForm) => void;
  onCloseForm: () => void;
  onAct: (action: ModerationRequest) => void;
  cardRef: (element: HTMLElement | null) => void;
};

export function QueueCard({ card, viewerEmail, now, selected, form, error, onSelect, onOpenForm, onCloseForm, onAct, cardRef }: Props) {
  const id = useId();
  const { moderation, article, mine } = card;
  const latest = mine
    ? latestActionWords({ action: mine.action, actorName: viewerEmail, at: mine.at }, viewerEmail, now) + (mine.pending ? ' (saving…)' : '')
    : card.log[0] && latestActionWords({ ...card.log[0], at: Date.parse(card.log[0].at) }, viewerEmail, now);
  const absent = moderation.status === 'deleted' || moderation.status === 'unavailable';
  const actOn = (action: ModerationRequest) => () => onAct(action);

  return (
    <article
      ref={cardRef}
      className={`queue-card${selected ? ' queue-card-selected' : ''}`}
      data-comment-id={moderation.commentId}
      data-status={moderation.status}
      tabIndex={-1}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-state`}
    >
      <header className="queue-card-header">
        <input
          type="checkbox"
          className="queue-select"
          checked={selected}
          onChange={(event) => onSelect(event.target.checked)}
          aria-label={`Select the reply by ${moderation.authorName}`}
        />
        <h2 id={`${id}-title`} className="queue-card-title">
          {moderation.authorId !== null ? (
            <Link href={`/moderation/authors/${moderation.authorId}`}><bdi>{moderation.authorName}</bdi></Link>
          ) : (
            <bdi>{moderation.authorName}</bdi>
          )}{' '}
          on <Link href={`/articles/${article.slug}`}>{article.title}</Link>
        </h2>
        <p className="meta">
          <time dateTime={card.createdAt}>{formatCommentTime(card.createdAt)}</time>
          <ModerationBadges moderation={moderation} />
        </p>
      </header>
      <p id={`${id}-state`} className="queue-state">
        <strong>{stateWords(moderation)}.</strong>
        {latest && <> {latest}.</>}
      </p>
      {error && <p className="form-message error" role="alert">{error}</p>}
      <ModeratedCommentDetails comment={card} viewerEmail={viewerEmail} now={now} />
      <div className="queue-actions" role="group" aria-label="Actions">
        {moderation.status === 'hidden' ? (
          <button type="button" onClick={actOn({ kind: 'unhide' })}>{MODERATION_VERBS.unhide.label} <kbd>u</kbd></button>
        ) : (
          <button type="button" onClick={() => onOpenForm('hide')} disabled={absent} aria-expanded={form === 'hide'}>{MODERATION_VERBS.hide.label} <kbd>h</kbd></button>
        )}
        {moderation.flag ? (
          <button type="button" onClick={actOn({ kind: 'unflag' })}>{MODERATION_VERBS.unflag.label} <kbd>f</kbd></button>
        ) : (
          <button type="button" onClick={() => onOpenForm('flag')} aria-expanded={form === 'flag'}>{MODERATION_VERBS.flag.label} <kbd>f</kbd></button>
        )}
        {moderation.openReports > 0 && <button type="button" onClick={actOn({ kind: 'dismiss' })}>{MODERATION_VERBS.dismiss.label} <kbd>d</kbd></button>}
        <button type="button" onClick={() => onOpenForm('annotate')} aria-expanded={form === 'annotate'}>{MODERATION_VERBS.annotate.label} <kbd>a</kbd></button>
        <Link href={`/articles/${article.slug}/comments/${moderation.commentId}`}>Open in thread <kbd>o</kbd></Link>
      </div>
      {form === 'hide' && (
        <HideCommentForm pending={false} error={null} onCancel={onCloseForm} onSubmit={(values) => onAct({ kind: 'hide', ...values })} />
      )}
      {form === 'flag' && (
        <FlagCommentForm pending={false} error={null} onCancel={onCloseForm} onSubmit={(values) => onAct({ kind: 'flag', ...values })} />
      )}
      {form === 'annotate' && (
        <AnnotateCommentForm pending={false} error={null} onCancel={onCloseForm} onSubmit={(values) => onAct({ kind: 'annotate', ...values })} />
      )}
    </article>
  );
}
