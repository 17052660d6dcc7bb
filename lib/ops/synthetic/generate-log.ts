// Appends a long, realistic-shaped, correctly chained moderation log from a fixed seed, for benchmarks of the log viewer and its exports.
import 'server-only';
import type { Db } from '@/db/client';
import { MODERATION_REASONS, type ModerationReason } from '@/db/moderation-reasons';
import type { Role } from '@/db/roles';
import { readCommentLogState, type CommentLogState } from '@/lib/comments/log-comment-change';
import type { LogAction } from '@/db/log-actions';
import { readLogHead, writeLogRow, type LogHead, type LogRowContent } from '@/lib/log/append-log-entry';
import { isOwnerOnlyLogAction } from '@/lib/shared/log/owner-only-log-actions';
import { canonicalJson } from '@/lib/log/hash-chain';
import { seededRandom } from './generate-thread';

export type SyntheticLogOptions = {
  rows: number;
  seed?: number;
  /** The first row's time, unless the log already ends later: then the rows follow its last row. */
  startsAt?: string;
  /** Rows are this far apart on average (at least 1 ms each). */
  meanGapMs?: number;
  /** Rows per immediate transaction. */
  batchSize?: number;
  onBatch?: (appended: number) => void;
};

export type SyntheticLogResult = { firstId: number; lastId: number; head: string; firstAt: string; lastAt: string };

/** Notes hold this word about once in 20,000, and SYNTHETIC_COMMON_WORD in about one note of five: a rare and a common search. */
export const SYNTHETIC_RARE_WORD = 'quokka';
export const SYNTHETIC_COMMON_WORD = 'source';

/** Per mille. Moderators' actions on comments, authors' edits, and a few owner actions on users and articles. */
const ACTION_WEIGHTS: readonly [LogAction, number][] = [
  ['comment_hidden', 200],
  ['comment_flagged', 170],
  ['annotation_added', 150],
  ['reports_dismissed', 150],
  ['comment_edited', 110],
  ['comment_unhidden', 90],
  ['comment_unflagged', 60],
  ['annotation_removed', 20],
  ['user_banned', 12],
  ['role_changed', 8],
  ['user_unbanned', 8],
  ['sessions_revoked', 6],
  ['password_reset', 6],
  ['comments_closed', 5],
  ['comments_opened', 5],
];

const WORDS = (
  'reader comment thread reply article editor moderator report reports spam link links repeated again posted ' +
  'insult personal attack name address phone number claim evidence context quote quoted off topic tone warning ' +
  'first second third time user account pattern several similar earlier later today yesterday week checked ' +
  'verified unclear unsure agree disagree appeal restored removed kept left because please see note'
).split(' ');

const EMOJI = ['🙂', '👍🏽', '🚩', '🤔', '🇫🇷', '👩‍💻'];
const OTHER_SCRIPTS = ['مرحبا بالجميع', 'שלום לכולם', 'Привет всем', '大家好', 'Ελληνικά'];
/** Notes a spreadsheet would take for formulas: the CSV writer must defuse every one. */
const FORMULA_STARTS = ['=HYPERLINK("http://example.com/x","click")', '=1+1', '+44 20 7946 0000 called', '-- see earlier note', '@editor please look', '\tindented'];

type Person = { id: number | null; name: string; role: Role | 'system' };
type Account = Person & { id: number; banned: boolean; sessionVersion: number };
type Target = { id: number; articleId: number; state: CommentLogState };

function readCast(db: Db) {
  const rows = db.$client.prepare(`SELECT id, display_name AS name, role, banned_at IS NOT NULL AS banned, session_version AS sessionVersion
    FROM users ORDER BY id`).all() as { id: number; name: string; role: Role; banned: number; sessionVersion: number }[];
  const accounts: Account[] = rows.map((row) => ({ ...row, banned: row.banned === 1 }));
  const moderators = accounts.filter((a) => a.role === 'moderator' && !a.banned);
  const owners = accounts.filter((a) => a.role === 'owner' && !a.banned);
  const readers = accounts.filter((a) => a.role === 'reader');
  if (moderators.length === 0 || owners.length === 0 || readers.length === 0) {
    throw new Error('the synthetic log needs at least one moderator, one owner and one reader who are not banned');
  }
  const ids = db.$client.prepare("SELECT id, article_id AS articleId FROM comments WHERE status = 'visible' ORDER BY id").all() as { id: number; articleId: number }[];
  if (ids.length === 0) throw new Error('the synthetic log needs comments to act on');
  const targets: Target[] = ids.map(({ id, articleId }) => ({ id, articleId, state: readCommentLogState(db, id) }));
  const articles = db.$client.prepare('SELECT id, comments_open AS open FROM articles ORDER BY id').all() as { id: number; open: number }[];
  return { moderators, owners, readers, targets, articles: articles.map((a) => ({ id: a.id, open: a.open === 1 })) };
}

/**
 * Appends `rows` rows after the log's last row through the log's one writer (writeLogRow), so
 * verifyLogChain passes. Comment states follow each comment through the actions taken on it (a
 * hidden comment is unhidden, not hidden again). Another process may append meanwhile: each
 * batch continues from the row it finds last.
 */
export function appendSyntheticLog(db: Db, options: SyntheticLogOptions): SyntheticLogResult {
  const { rows, seed = 20260101, meanGapMs = 20_000, batchSize = 10_000 } = options;
  if (!Number.isInteger(rows) || rows < 1) throw new Error('rows must be a whole number of at least 1');
  const random = seededRandom(seed);
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const cast = readCast(db);
  const totalWeight = ACTION_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

  const words = (min: number, max: number) => Array.from({ length: integer(min, max) }, () => pick(WORDS)).join(' ');
  const sentence = () => {
    const text = words(3, 14);
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const note = (): string => {
    let text = sentence();
    if (chance(0.2)) text = `${text} Checked the ${SYNTHETIC_COMMON_WORD} again.`;
    if (chance(0.00005)) text = `${text} Mentions a ${SYNTHETIC_RARE_WORD}.`;
    const twist = random();
    if (twist < 0.1) return `${text} ${sentence()}, ${words(2, 5)}, and ${words(1, 3)}`;
    if (twist < 0.16) return `${text} The reader wrote "${words(2, 6)}" twice.`;
    if (twist < 0.21) return `${text}\n${sentence()}`;
    if (twist < 0.25) return `${text} ${pick(EMOJI)}`;
    if (twist < 0.28) return `${pick(OTHER_SCRIPTS)}: ${text}`;
    if (twist < 0.31) return `${pick(FORMULA_STARTS)} ${text}`;
    return text;
  };
  const hex = (length: number) => {
    let out = '';
    while (out.length < length) out += Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
    return out.slice(0, length);
  };
  const requestId = () => {
    const h = hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  };
  const moderatorOrOwner = (): Person => (chance(0.8) ? pick(cast.moderators) : pick(cast.owners));
  const ownerOrSystem = (): Person => (chance(0.05) ? { id: null, name: 'command line', role: 'system' } : pick(cast.owners));
  const chooseAction = (): LogAction => {
    let roll = random() * totalWeight;
    for (const [action, weight] of ACTION_WEIGHTS) {
      roll -= weight;
      if (roll < 0) return action;
    }
    return 'comment_hidden';
  };

  /** One action on a comment, turned into the one its state allows (unhide a hidden comment, not hide it again). */
  const commentRow = (wanted: LogAction): LogRowContent => {
    const target = pick(cast.targets);
    const before = target.state;
    // Readers report between log rows; reports are not logged.
    if (chance(0.3)) before.open_reports += integer(1, 2);
    let action = wanted;
    if (before.status === 'hidden' && (action === 'comment_hidden' || action === 'comment_edited' || action === 'comment_flagged')) action = 'comment_unhidden';
    else if (before.status === 'visible' && action === 'comment_unhidden') action = 'comment_hidden';
    if (action === 'comment_flagged' && before.flag_reason !== null) action = 'comment_unflagged';
    else if (action === 'comment_unflagged' && before.flag_reason === null) action = 'comment_flagged';
    if (action === 'annotation_removed' && before.annotations === 0) action = 'annotation_added';
    if (action === 'reports_dismissed' && before.open_reports === 0) before.open_reports = integer(1, 3);

    const after: CommentLogState = { ...before, version: before.version + 1 };
    let actor = moderatorOrOwner();
    let reason: ModerationReason | null = null;
    let publicNote: string | null = null;
    let internalNote: string | null = null;
    switch (action) {
      case 'comment_hidden':
        reason = pick(MODERATION_REASONS);
        Object.assign(after, { status: 'hidden', hidden_reason: reason, flag_reason: null, open_reports: 0 });
        if (chance(0.5)) publicNote = note();
        if (chance(0.35)) internalNote = note();
        break;
      case 'comment_unhidden':
        Object.assign(after, { status: 'visible', hidden_reason: null });
        if (chance(0.3)) internalNote = note();
        break;
      case 'comment_flagged':
        reason = pick(MODERATION_REASONS);
        after.flag_reason = reason;
        if (chance(0.45)) internalNote = note();
        break;
      case 'comment_unflagged':
        reason = before.flag_reason;
        after.flag_reason = null;
        if (chance(0.2)) internalNote = note();
        break;
      case 'annotation_added':
        after.annotations += 1;
        if (chance(0.5)) publicNote = note();
        else internalNote = note();
        break;
      case 'annotation_removed':
        after.annotations -= 1;
        if (chance(0.5)) publicNote = note();
        else internalNote = note();
        break;
      case 'reports_dismissed':
        after.open_reports = 0;
        if (chance(0.3)) internalNote = note();
        break;
      default: {
        // comment_edited: the author, a reader who is not banned, changes the text.
        const authors = cast.readers.filter((reader) => !reader.banned);
        actor = pick(authors.length > 0 ? authors : cast.readers);
        after.body_sha256 = hex(64);
      }
    }
    target.state = after;
    return {
      actor_id: actor.id,
      actor_name: actor.name,
      actor_role: actor.role,
      action,
      target_type: 'comment',
      target_id: target.id,
      article_id: target.articleId,
      reason_code: reason,
      public_note: publicNote,
      internal_note: internalNote,
      previous_state: canonicalJson(before),
      new_state: canonicalJson(after),
      request_id: requestId(),
    };
  };

  /** An owner's (or the command line's) action on a reader's account or on an article. */
  const ownerRow = (wanted: LogAction): LogRowContent => {
    const actor = ownerOrSystem();
    const base = { actor_id: actor.id, actor_name: actor.name, actor_role: actor.role, reason_code: null, public_note: null, internal_note: null, request_id: requestId() };
    if (wanted === 'comments_closed' || wanted === 'comments_opened') {
      const article = pick(cast.articles);
      const before = article.open;
      article.open = !before;
      return {
        ...base, action: before ? 'comments_closed' : 'comments_opened', target_type: 'article', target_id: article.id, article_id: article.id,
        internal_note: chance(0.3) ? note() : null,
        previous_state: canonicalJson({ comments_open: before }), new_state: canonicalJson({ comments_open: !before }),
      };
    }
    const user = pick(cast.readers);
    const onUser = { ...base, target_type: 'user', target_id: user.id, article_id: null };
    if (wanted === 'user_banned' || wanted === 'user_unbanned') {
      const before = user.banned;
      user.banned = !before;
      return {
        ...onUser, action: before ? 'user_unbanned' : 'user_banned', public_note: before ? null : note(),
        previous_state: canonicalJson({ banned: before }), new_state: canonicalJson({ banned: !before }),
      };
    }
    if (wanted === 'role_changed') {
      // A reader made moderator and back again; their own rows keep the role they had when they wrote them.
      const before = user.role;
      user.role = before === 'reader' ? 'moderator' : 'reader';
      return { ...onUser, action: wanted, previous_state: canonicalJson({ role: before }), new_state: canonicalJson({ role: user.role }) };
    }
    const before = user.sessionVersion;
    user.sessionVersion += 1;
    return {
      ...onUser, action: wanted, internal_note: chance(0.3) ? note() : null,
      previous_state: canonicalJson({ sessionVersion: before }), new_state: canonicalJson({ sessionVersion: user.sessionVersion }),
    };
  };

  let clock = Date.parse(options.startsAt ?? new Date().toISOString());
  let appended = 0;
  let first: LogHead | undefined;
  let last: LogHead | undefined;
  const appendBatch = (count: number) => db.transaction((tx) => {
    last = readLogHead(tx);
    if (last) clock = Math.max(clock, Date.parse(last.createdAt));
    for (let i = 0; i < count; i++) {
      const action = chooseAction();
      const row = isOwnerOnlyLogAction(action) ? ownerRow(action) : commentRow(action);
      clock += integer(1, 2 * meanGapMs);
      last = writeLogRow(tx, last, row, new Date(clock).toISOString());
      first ??= last;
    }
  }, { behavior: 'immediate' });
  while (appended < rows) {
    const count = Math.min(batchSize, rows - appended);
    appendBatch(count);
    appended += count;
    options.onBatch?.(appended);
  }
  return { firstId: first!.id, lastId: last!.id, head: last!.hash, firstAt: first!.createdAt, lastAt: last!.createdAt };
}
