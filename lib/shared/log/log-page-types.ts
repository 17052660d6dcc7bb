// What the moderation log viewer shows: one page of log rows, each named in words; free of runtime imports.
import type { ActorRole, Role } from '@/db/schema';

/** Owners read every note; moderators never an owner-only action's internal note, so they cannot search it either. */
export type LogAudience = 'owner' | 'moderator';

/** What a row is about, named as it is now, with where to look at it (null once it is gone). */
export type LogEntryTarget = {
  type: 'comment' | 'user' | 'article';
  id: number;
  /** The comment's author, the user's display name, or the article's title; null when nothing has this id any more. */
  name: string | null;
  href: string | null;
};

export type LogPageEntry = {
  id: number;
  /** ISO 8601 UTC with milliseconds. */
  at: string;
  /** Who acted as the log recorded them: id (null for the command line), email and role at the time. */
  actor: { id: number | null; name: string; role: ActorRole };
  action: string;
  actionLabel: string;
  target: LogEntryTarget | null;
  article: { id: number; slug: string; title: string } | null;
  reason: { code: string; label: string } | null;
  publicNote: string | null;
  /** Null when there is none, or when it is withheld from this reader. */
  internalNote: string | null;
  /** An owner-only action's internal note exists but is not for a moderator's eyes. */
  internalNoteWithheld: boolean;
  previousState: Record<string, unknown> | null;
  newState: Record<string, unknown> | null;
  hash: string;
};

export type LogPage = {
  /** Whom the page was read for: owners see every note, moderators not an owner-only action's internal note. */
  audience: LogAudience;
  /** Newest first. */
  entries: LogPageEntry[];
  /** Pass as `before` for the next, older page; null on the last. */
  nextBefore: number | null;
};

/** Someone the actor filter offers by name. */
export type LogActorChoice = { id: number; displayName: string; email: string; role: Role };
