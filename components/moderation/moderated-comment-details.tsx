// What a moderator reads about one reply: the reply it answers, its text (whatever its status), hide and flag details, open reports, notes and earlier actions.
import { CommentBody } from '@/components/thread/comment-body';
import { agoLabel } from '@/lib/shared/format/ago';
import type { ModeratedComment } from '@/lib/shared/moderation/queue-types';
import { latestActionWords } from './moderation-words';
import { MODERATION_REASON_WORDS, reasonWords, REPORT_REASON_WORDS } from '@/lib/shared/vocabulary';

type Props = { comment: ModeratedComment; viewerEmail: string; now: number };

const byWhom = (by: string | null, viewerEmail: string) => (by === viewerEmail ? 'you' : by ?? 'the system');

export function ModeratedCommentDetails({ comment, viewerEmail, now }: Props) {
  const { moderation, parent, reports, log } = comment;
  return (
    <>
      {parent && (
        <blockquote className="queue-parent">
          <p className="meta">
            In reply to <bdi>{parent.authorName}</bdi>
            {parent.status !== 'visible' && ` (${parent.status})`}:
          </p>
          <p dir="auto">{parent.excerpt}</p>
        </blockquote>
      )}
      <div className={`queue-text${moderation.status === 'visible' ? '' : ' queue-text-absent'}`}>
        <CommentBody text={moderation.body} />
      </div>
      {moderation.hidden && (
        <p className="queue-detail">
          Hidden by {byWhom(moderation.hidden.by, viewerEmail)} {agoLabel(Date.parse(moderation.hidden.at), now)} for{' '}
          {MODERATION_REASON_WORDS[moderation.hidden.reason]}.
          {moderation.hidden.explanation && <> Readers see: <q>{moderation.hidden.explanation}</q>.</>}
          {moderation.hidden.note && <> Internal note: <q>{moderation.hidden.note}</q>.</>}
        </p>
      )}
      {moderation.flag && (
        <p className="queue-detail">
          Flagged by {byWhom(moderation.flag.by, viewerEmail)} {agoLabel(Date.parse(moderation.flag.at), now)} for{' '}
          {MODERATION_REASON_WORDS[moderation.flag.reason]}.
          {moderation.flag.note && <> Note: <q>{moderation.flag.note}</q>.</>}
        </p>
      )}
      {reports.length > 0 && (
        <section className="queue-section">
          <h3>Open reports</h3>
          <ul>
            {reports.map((report) => (
              <li key={report.id}>
                <strong>{REPORT_REASON_WORDS[report.reason]}</strong> from <bdi>{report.reporterName}</bdi>,{' '}
                {agoLabel(Date.parse(report.createdAt), now)}
                {report.note && <>: <q>{report.note}</q></>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {moderation.annotations.length > 0 && (
        <section className="queue-section">
          <h3>Moderator notes</h3>
          <ul>
            {moderation.annotations.map((annotation) => (
              <li key={annotation.id}>
                <span className="badge">{annotation.visibility}</span> {annotation.body}{' '}
                <span className="meta">— {byWhom(annotation.by, viewerEmail)}, {agoLabel(Date.parse(annotation.at), now)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {log.length > 0 && (
        <section className="queue-section">
          <h3>Earlier actions</h3>
          <ol className="queue-log">
            {log.map((entry) => (
              <li key={entry.id}>
                {latestActionWords({ ...entry, at: Date.parse(entry.at) }, viewerEmail, now)}
                {entry.reasonCode && entry.reasonCode in MODERATION_REASON_WORDS && ` (${reasonWords(entry.reasonCode)})`}
                {entry.internalNote && <>: <q>{entry.internalNote}</q></>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
