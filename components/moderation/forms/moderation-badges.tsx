// A reply's moderation state at a glance, for moderators: flagged, open reports, hidden, annotated, deleted by its author.
import { countLabel } from '@/lib/shared/format/count';
import type { CommentModeration } from '@/lib/shared/moderation/types';
import './moderation-forms.css';

export function ModerationBadges({ moderation }: { moderation: CommentModeration }) {
  const badges = [
    moderation.flag && 'flagged',
    moderation.openReports > 0 && countLabel(moderation.openReports, 'open report', 'open reports'),
    moderation.status === 'hidden' && 'hidden',
    moderation.annotations.length > 0 && 'annotated',
    moderation.status === 'deleted' && 'deleted by author',
  ].filter((badge): badge is string => Boolean(badge));
  if (badges.length === 0) return null;
  return (
    <span className="moderation-badges">
      {badges.map((badge) => (
        <span key={badge} className="badge moderation-badge" data-badge={badge.replace(/^[\d,]+ /, '')}>{badge}</span>
      ))}
    </span>
  );
}
