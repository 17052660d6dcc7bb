// Every server action and route handler as data, one row each: who may call it (the permission
// table's word, plus the lib function's own rule), how to call it over HTTP as the UI does, what a
// fresh target for one call is, and what an allowed call changes. The security specs walk these rows.
import type { Permission } from '@/lib/shared/auth/permissions';
import type { LogAction } from '@/db/log-actions';
import type { ModerationVerbKind } from '@/lib/shared/moderation/verbs';
import { banUser } from '@/lib/users/ban-user';
import { readServerActionIds, serverActionRequest, type ServerActionAnswer } from '@/lib/ops/http-client/server-actions';
import { SESSION_COOKIE, cookiesSetBy } from '@/lib/ops/http-client/sign-in-over-http';
import { articleRow, commentRow } from '@/tests/support/comments';
import { flagBySql, hideBySql, insertAnnotation, insertReport } from '@/tests/support/moderation';
import { createArticle } from './comments';
import { createAccount, e2eDb, systemActor, userRow, userRowByEmail, type Account } from './e2e-db';
import type { Caller, Session } from './security-callers';
import { formActionRequest, send } from './security-requests';

/** Extra request options the attack specs add to a row's normal call. */
export type CallOptions = { origin?: string | null; headers?: Record<string, string> };

/** What one call works on: made fresh for every call, so an allowed call always has something to change. */
export type Target = { articleId: number; slug: string; commentId: number; version: number; userId?: number; annotationId?: number; email?: string };

export type Context = { baseUrl: string; sessions: Record<Caller, Session>; ids: Record<string, string> };

type Row = {
  /** The server action's exported name, or the route's method and path. */
  endpoint: string;
  /** The moderation verb a moderateCommentAction row sends. */
  verb?: ModerationVerbKind;
  /** Who may, in words: the permission table's rule and the lib function's own. */
  who: string;
  /** The permission needed (lib/auth/permissions.ts); null when anyone may. */
  permission: Permission | null;
  /** A rule beyond the table that refuses every caller (someone else's comment, your own for a report). */
  refusedForAll?: true;
  prepare: (context: Context, session: Session) => Promise<Target> | Target;
  call: (context: Context, session: Session, target: Target, options?: CallOptions) => Promise<ServerActionAnswer>;
  /** The moderation_log action an allowed call appends one row of, or null when lib logs nothing for it. */
  logs: LogAction | null;
  /** Checks what an allowed call did (beyond its log row). */
  effect: (context: Context, session: Session, target: Target, answer: ServerActionAnswer) => void;
  /** True for requests that never change state: an allowed call must leave the database as it was too. */
  readOnly?: true;
};
export type ActionRow = Row & { kind: 'action' };
export type RouteRow = Row & { kind: 'route'; method: 'GET' | 'POST' };

const db = () => e2eDb();
let actionIds: Record<string, string> | undefined;
export const serverActionIds = () => (actionIds ??= readServerActionIds());

// ---- targets --------------------------------------------------------------------------------

/** A new article with two imported comments; the first is the target, at version 1. */
function reply(): Target {
  const article = createArticle();
  return { articleId: article.id, slug: article.slug, commentId: article.importedIds[0]!, version: 1 };
}

/** A comment written by `author` a moment ago, by SQL (no posting limit, and a banned author may have one too). */
export function commentBy(author: Account): Target {
  const target = reply();
  const id = (db().$client.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM comments').get() as { id: number }).id;
  const at = new Date().toISOString();
  db().$client.prepare(`INSERT INTO comments (id, article_id, depth, path, author_id, author_name, body, status, origin, version, created_at, updated_at)
    VALUES (?, ?, 0, ?, ?, ?, ?, 'visible', 'reader', 1, ?, ?)`)
    .run(id, target.articleId, String(id).padStart(12, '0'), author.id, author.displayName, `Written by ${author.email} at ${at}`, at, at);
  return { ...target, commentId: id };
}

/** The caller's own comment; anonymous callers have none, so they try the reader's. */
const ownComment = (context: Context, session: Session) => commentBy(session.account ?? context.sessions.reader.account!);
/** A comment by someone who is not the caller: the moderator's for everyone but the moderator, the owner's for them. */
const othersComment = (context: Context, session: Session) =>
  commentBy(context.sessions[session.caller === 'moderator' ? 'owner' : 'moderator'].account!);

async function freshUser(banned = false): Promise<Target> {
  const account = await createAccount('reader');
  if (banned) {
    const result = banUser(db(), systemActor('e2e security suite'), { userId: account.id, reason: 'Target of an unban' });
    if (!result.ok) throw new Error(result.message);
  }
  return { ...reply(), userId: account.id, email: account.email };
}

// ---- calls ----------------------------------------------------------------------------------

/**
 * The page a JSON action is posted to, as the UI does: the queue's for bulk moderation, the article's
 * for the rest (a page answers only the actions its own components use; another answers `{}`).
 */
export function actionPage(name: string, target: Target): string {
  return name === 'bulkModerateAction' ? '/moderation' : `/articles/${target.slug}`;
}

/** A comment action: POST with the argument object as JSON, as the UI does. */
function jsonAction(name: string, input: (target: Target) => unknown): Row['call'] {
  return (context, session, target, options = {}) =>
    send(serverActionRequest({
      baseUrl: context.baseUrl, page: actionPage(name, target), actionId: serverActionIds()[name]!, args: [input(target)],
      cookie: session.cookie, ...options,
    }));
}

/** A useActionState form (previous state, then the form), as multipart form data. */
function formAction(name: string, page: string, fields: (target: Target, session: Session, context: Context) => Record<string, string>): Row['call'] {
  return (context, session, target, options = {}) =>
    send(formActionRequest({
      baseUrl: context.baseUrl, page, actionId: serverActionIds()[name]!, fields: fields(target, session, context),
      cookie: session.cookie, ...options,
    }));
}

/** A route handler request with the caller's cookie; Auth.js POSTs carry its CSRF token and cookie, as a browser's form does. */
function route(method: 'GET' | 'POST', path: (target: Target) => string, form?: (target: Target, session: Session, context: Context) => Record<string, string>): Row['call'] {
  return async (context, session, target, options = {}) => {
    const cookies = session.cookie === null ? [] : [session.cookie];
    let body: URLSearchParams | undefined;
    if (form) {
      const csrf = await fetch(new URL('/api/auth/csrf', context.baseUrl), { headers: cookies.length ? { cookie: cookies.join('; ') } : {} });
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      cookies.push(...cookiesSetBy(csrf).filter((cookie) => cookie.startsWith('authjs.csrf-token=')));
      body = new URLSearchParams({ ...form(target, session, context), csrfToken });
    }
    const headers: Record<string, string> = {
      ...(cookies.length ? { cookie: cookies.join('; ') } : {}),
      ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...(method === 'POST' && options.origin !== null ? { origin: options.origin ?? new URL(context.baseUrl).origin } : {}),
      ...options.headers,
    };
    return send(new Request(new URL(path(target), context.baseUrl), { method, headers, body, redirect: 'manual' }));
  };
}

// ---- effects --------------------------------------------------------------------------------

const ok = (answer: ServerActionAnswer) => expectOk(answer.result);
function expectOk(result: unknown): void {
  if ((result as { ok?: unknown } | undefined)?.ok !== true) throw new Error(`expected { ok: true }, got ${JSON.stringify(result)}`);
}
function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}
const comment = (target: Target) => commentRow(db(), target.commentId)!;
/** The session cookie an answer sets: its value, '' when it clears it, undefined when it leaves it alone. */
export function sessionCookieSet(answer: ServerActionAnswer): string | undefined {
  const set = answer.headers.getSetCookie().map((cookie) => cookie.split(';', 1)[0]!).find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  return set?.slice(SESSION_COOKIE.length + 1);
}
/** Where a server action redirects: Next answers a fetch action with `x-action-redirect: <url>;<push|replace>`, as a path here. */
export function redirectedTo(answer: ServerActionAnswer): string {
  const header = answer.headers.get('x-action-redirect');
  if (header === null) return `(no redirect; headers ${JSON.stringify([...answer.headers.keys()])})`;
  const url = new URL(header.slice(0, header.lastIndexOf(';') === -1 ? undefined : header.lastIndexOf(';')), 'http://same.site');
  return url.pathname + url.search;
}

const MODERATE = 'moderators and owners, not banned (comment.moderate)';

/** One row per moderation verb: all of them go to moderateCommentAction as `{ kind, commentId, version, ...fields }`. */
function verbRow(kind: ModerationVerbKind, row: Pick<Row, 'logs' | 'prepare' | 'effect'> & { fields: (target: Target) => object }): ActionRow {
  return {
    kind: 'action', endpoint: 'moderateCommentAction', verb: kind, who: MODERATE, permission: 'comment.moderate', logs: row.logs,
    prepare: row.prepare, effect: row.effect,
    call: jsonAction('moderateCommentAction', (t) => ({ kind, commentId: t.commentId, version: t.version, ...row.fields(t) })),
  };
}

/** How a row reads in test titles and labels: the action, and the verb it sends when it takes several. */
export const rowName = (row: ActionRow | RouteRow) => (row.verb ? `${row.endpoint} ${row.verb}` : row.endpoint);

export const ACTION_ROWS: ActionRow[] = [
  verbRow('flag', {
    logs: 'comment_flagged',
    prepare: reply,
    fields: () => ({ reason: 'spam', note: '' }),
    effect: (_c, _s, t, answer) => { ok(answer); check(comment(t).flag_reason === 'spam', 'flagged'); },
  }),
  verbRow('unflag', {
    logs: 'comment_unflagged',
    prepare: (context) => { const t = reply(); flagBySql(db(), t.commentId, context.sessions.moderator.account!.id); return t; },
    fields: () => ({ note: '' }),
    effect: (_c, _s, t, answer) => { ok(answer); check(comment(t).flag_reason === null, 'unflagged'); },
  }),
  verbRow('hide', {
    logs: 'comment_hidden',
    prepare: reply,
    fields: () => ({ reason: 'spam', explanation: '', note: '' }),
    effect: (_c, _s, t, answer) => { ok(answer); check(comment(t).status === 'hidden', 'hidden'); },
  }),
  verbRow('unhide', {
    logs: 'comment_unhidden',
    prepare: (context) => { const t = reply(); hideBySql(db(), t.commentId, context.sessions.moderator.account!.id); return t; },
    fields: () => ({ note: '' }),
    effect: (_c, _s, t, answer) => { ok(answer); check(comment(t).status === 'visible', 'visible again'); },
  }),
  verbRow('dismiss', {
    logs: 'reports_dismissed',
    prepare: (context) => { const t = reply(); insertReport(db(), t.commentId, context.sessions.reader.account!.id, { at: Date.now() }); return t; },
    fields: () => ({ note: '' }),
    effect: (_c, _s, t, answer) => {
      ok(answer);
      const open = db().$client.prepare('SELECT count(*) FROM reports WHERE comment_id = ? AND resolved_at IS NULL').pluck().get(t.commentId);
      check(open === 0, 'no open report left');
    },
  }),
  verbRow('annotate', {
    logs: 'annotation_added',
    prepare: reply,
    fields: () => ({ visibility: 'internal', body: 'Security suite note' }),
    effect: (_c, _s, t, answer) => {
      ok(answer);
      check(db().$client.prepare('SELECT count(*) FROM annotations WHERE comment_id = ?').pluck().get(t.commentId) === 1, 'one note');
    },
  }),
  verbRow('removeAnnotation', {
    logs: 'annotation_removed',
    prepare: (context) => {
      const t = reply();
      return { ...t, annotationId: insertAnnotation(db(), t.commentId, context.sessions.moderator.account!.id, 'internal', 'To be removed') };
    },
    fields: (t) => ({ annotationId: t.annotationId }),
    effect: (_c, _s, t, answer) => {
      ok(answer);
      check(db().$client.prepare('SELECT removed_at FROM annotations WHERE id = ?').pluck().get(t.annotationId) !== null, 'note removed');
    },
  }),
  {
    kind: 'action', endpoint: 'bulkModerateAction', who: `${MODERATE}; one reply selected`, permission: 'comment.moderate', logs: 'comment_flagged',
    prepare: reply,
    call: jsonAction('bulkModerateAction', (t) => ({ action: 'flag', items: [{ commentId: t.commentId, version: t.version }], reason: 'spam', note: '' })),
    effect: (_c, _s, t, answer) => { ok(answer); check(comment(t).flag_reason === 'spam', 'flagged'); },
  },
  {
    kind: 'action', endpoint: 'postCommentAction', who: 'signed in, not banned (comment.post); posting is not logged', permission: 'comment.post', logs: null,
    prepare: reply,
    call: jsonAction('postCommentAction', (t) => ({ articleId: t.articleId, parentId: t.commentId, body: `A reply posted by the security suite ${t.slug}` })),
    effect: (_c, s, t, answer) => {
      ok(answer);
      const rows = db().$client.prepare('SELECT author_id FROM comments WHERE parent_id = ?').pluck().all(t.commentId);
      check(rows.length === 1 && rows[0] === s.account!.id, 'one reply by the caller');
    },
  },
  {
    kind: 'action', endpoint: 'editCommentAction', who: 'the author, signed in, not banned (comment.post + own comment)', permission: 'comment.post', logs: 'comment_edited',
    prepare: ownComment,
    call: jsonAction('editCommentAction', (t) => ({ commentId: t.commentId, version: t.version, body: 'Edited by the security suite' })),
    effect: (_c, _s, t, answer) => { ok(answer); check(comment(t).body === 'Edited by the security suite', 'edited'); },
  },
  {
    kind: 'action', endpoint: 'editCommentAction', who: 'someone else’s comment: nobody', permission: 'comment.post', refusedForAll: true, logs: null,
    prepare: othersComment,
    call: jsonAction('editCommentAction', (t) => ({ commentId: t.commentId, version: t.version, body: 'Edited by the security suite' })),
    effect: () => {},
  },
  {
    kind: 'action', endpoint: 'deleteCommentAction', who: 'the author, signed in, not banned (comment.post + own comment)', permission: 'comment.post', logs: 'comment_deleted',
    prepare: ownComment,
    call: jsonAction('deleteCommentAction', (t) => ({ commentId: t.commentId })),
    effect: (_c, _s, t, answer) => { ok(answer); check(comment(t).status === 'deleted', 'deleted'); },
  },
  {
    kind: 'action', endpoint: 'deleteCommentAction', who: 'someone else’s comment: nobody', permission: 'comment.post', refusedForAll: true, logs: null,
    prepare: othersComment,
    call: jsonAction('deleteCommentAction', (t) => ({ commentId: t.commentId })),
    effect: () => {},
  },
  {
    kind: 'action', endpoint: 'reportCommentAction', who: 'signed in, not banned (comment.report), someone else’s comment; reports are not logged', permission: 'comment.report', logs: null,
    prepare: othersComment,
    call: jsonAction('reportCommentAction', (t) => ({ commentId: t.commentId, reason: 'spam', note: '' })),
    effect: (_c, s, t, answer) => {
      ok(answer);
      check(db().$client.prepare('SELECT reporter_id FROM reports WHERE comment_id = ?').pluck().get(t.commentId) === s.account!.id, 'a report by the caller');
    },
  },
  {
    kind: 'action', endpoint: 'reportCommentAction', who: 'your own comment: nobody', permission: 'comment.report', refusedForAll: true, logs: null,
    prepare: ownComment,
    call: jsonAction('reportCommentAction', (t) => ({ commentId: t.commentId, reason: 'spam', note: '' })),
    effect: () => {},
  },
  {
    kind: 'action', endpoint: 'setCommentsOpenAction', who: 'owners, not banned (article.close)', permission: 'article.close', logs: 'comments_closed',
    prepare: reply,
    call: jsonAction('setCommentsOpenAction', (t) => ({ articleId: t.articleId, open: false })),
    effect: (_c, _s, t, answer) => { ok(answer); check(articleRow(db(), t.articleId)!.comments_open === 0, 'closed'); },
  },
  {
    kind: 'action', endpoint: 'banUserAction', who: 'owners, not banned (users.manage)', permission: 'users.manage', logs: 'user_banned',
    prepare: () => freshUser(),
    call: formAction('banUserAction', '/admin/users', (t) => ({ userId: String(t.userId), reason: 'Security suite' })),
    effect: (_c, _s, t, answer) => { ok(answer); check(userRow(db(), t.userId!)!.banned_at !== null, 'banned'); },
  },
  {
    kind: 'action', endpoint: 'unbanUserAction', who: 'owners, not banned (users.manage)', permission: 'users.manage', logs: 'user_unbanned',
    prepare: () => freshUser(true),
    call: formAction('unbanUserAction', '/admin/users', (t) => ({ userId: String(t.userId) })),
    effect: (_c, _s, t, answer) => { ok(answer); check(userRow(db(), t.userId!)!.banned_at === null, 'unbanned'); },
  },
  {
    kind: 'action', endpoint: 'changeUserRoleAction', who: 'owners, not banned (users.manage)', permission: 'users.manage', logs: 'role_changed',
    prepare: () => freshUser(),
    call: formAction('changeUserRoleAction', '/admin/users', (t) => ({ userId: String(t.userId), role: 'moderator' })),
    effect: (_c, _s, t, answer) => { ok(answer); check(userRow(db(), t.userId!)!.role === 'moderator', 'now a moderator'); },
  },
  {
    kind: 'action', endpoint: 'revokeUserSessionsAction', who: 'owners, not banned (users.manage)', permission: 'users.manage', logs: 'sessions_revoked',
    prepare: () => freshUser(),
    call: formAction('revokeUserSessionsAction', '/admin/users', (t) => ({ userId: String(t.userId) })),
    effect: (_c, _s, t, answer) => { ok(answer); check(userRow(db(), t.userId!)!.session_version === 2, 'session version bumped'); },
  },
  {
    kind: 'action', endpoint: 'signInAction', who: 'anyone with the password (banned readers too: they keep reading); not logged', permission: null, logs: null,
    prepare: reply,
    call: formAction('signInAction', '/signin', (_t, s, c) => {
      const account = s.account ?? c.sessions.reader.account!;
      return { callbackUrl: '/', email: account.email, password: account.password };
    }),
    effect: (_c, _s, _t, answer) => {
      check(redirectedTo(answer) === '/', `redirected home: ${redirectedTo(answer)}`);
      check(!!sessionCookieSet(answer), 'a session cookie');
    },
  },
  {
    kind: 'action', endpoint: 'signUpAction', who: 'anyone (10 an hour per address); account creation is not logged', permission: null, logs: null,
    prepare: () => ({ ...reply(), email: `signup-${crypto.randomUUID().slice(0, 8)}@example.test` }),
    call: formAction('signUpAction', '/signup', (t) => ({ callbackUrl: '/', email: t.email!, displayName: 'Matrix Signup', password: 'a long enough password' })),
    effect: (_c, _s, t, answer) => {
      check(redirectedTo(answer).startsWith('/signin?created=1'), `sent to sign in: ${redirectedTo(answer)}`);
      check(userRowByEmail(db(), t.email!)?.role === 'reader', 'a new reader');
    },
  },
  {
    kind: 'action', endpoint: 'signOutAction', who: 'anyone; clears the cookie, writes nothing', permission: null, logs: null, readOnly: true,
    prepare: reply,
    // The header's sign-out form is a server component's: React sends it with no arguments, as `[]`.
    call: (context, session, _target, options = {}) =>
      send(serverActionRequest({ baseUrl: context.baseUrl, page: '/', actionId: serverActionIds().signOutAction!, args: [], cookie: session.cookie, ...options })),
    effect: (_c, s, _t, answer) => {
      check(redirectedTo(answer) === '/', `redirected home: ${redirectedTo(answer)}`);
      if (s.cookie !== null) check(sessionCookieSet(answer) === '', 'the session cookie cleared');
    },
  },
];

const json = (answer: ServerActionAnswer) => {
  check(answer.status === 200, `200, not ${answer.status}`);
  return JSON.parse(answer.body) as unknown;
};
const ANYONE = 'anyone, banned or not';

export const ROUTE_ROWS: RouteRow[] = [
  {
    kind: 'route', method: 'GET', endpoint: 'GET /api/articles/[slug]/comments', who: ANYONE, permission: null, logs: null, readOnly: true,
    prepare: reply, call: route('GET', (t) => `/api/articles/${t.slug}/comments`),
    effect: (_c, _s, _t, answer) => { check(Array.isArray((json(answer) as { comments?: unknown }).comments), 'a page of comments'); },
  },
  {
    kind: 'route', method: 'GET', endpoint: 'GET /api/articles/[slug]/comments/[id]', who: ANYONE, permission: null, logs: null, readOnly: true,
    prepare: reply, call: route('GET', (t) => `/api/articles/${t.slug}/comments/${t.commentId}`),
    effect: (_c, _s, _t, answer) => { json(answer); },
  },
  {
    kind: 'route', method: 'GET', endpoint: 'GET /api/moderation/queue', who: MODERATE, permission: 'comment.moderate', logs: null, readOnly: true,
    prepare: reply, call: route('GET', (t) => `/api/moderation/queue?tab=new&article=${t.articleId}`),
    effect: (_c, _s, _t, answer) => { json(answer); },
  },
  {
    kind: 'route', method: 'GET', endpoint: 'GET /api/moderation/comments/[id]/history', who: MODERATE, permission: 'comment.moderate', logs: null, readOnly: true,
    prepare: reply, call: route('GET', (t) => `/api/moderation/comments/${t.commentId}/history`),
    effect: (_c, _s, _t, answer) => { json(answer); },
  },
  {
    kind: 'route', method: 'GET', endpoint: 'GET /api/moderation-log/export', who: 'owners, not banned (moderation.log.export); the one GET that writes: its log_exported row',
    permission: 'moderation.log.export', logs: 'log_exported',
    prepare: reply, call: route('GET', (t) => `/api/moderation-log/export?format=ndjson&article=${t.articleId}`),
    effect: (_c, _s, _t, answer) => { check(answer.status === 200 && answer.body.trim().length > 0, `an export (${answer.status})`); },
  },
  {
    kind: 'route', method: 'GET', endpoint: 'GET /api/moderation-log/summary', who: 'owners, not banned (moderation.log.summary)', permission: 'moderation.log.summary', logs: null, readOnly: true,
    prepare: reply, call: route('GET', () => '/api/moderation-log/summary?format=json'),
    effect: (_c, _s, _t, answer) => { json(answer); },
  },
  {
    kind: 'route', method: 'GET', endpoint: 'GET /api/auth/session', who: ANYONE, permission: null, logs: null, readOnly: true,
    prepare: reply, call: route('GET', () => '/api/auth/session'),
    effect: (_c, s, _t, answer) => {
      const session = json(answer) as { user?: { id: string } } | null;
      check(s.account === null ? session === null : session?.user?.id === String(s.account.id), `the caller's own session: ${answer.body}`);
    },
  },
  {
    kind: 'route', method: 'GET', endpoint: 'GET /api/auth/csrf', who: ANYONE, permission: null, logs: null, readOnly: true,
    prepare: reply, call: route('GET', () => '/api/auth/csrf'),
    effect: (_c, _s, _t, answer) => { check(typeof (json(answer) as { csrfToken?: unknown }).csrfToken === 'string', 'a token'); },
  },
  {
    kind: 'route', method: 'GET', endpoint: 'GET /api/auth/providers', who: ANYONE, permission: null, logs: null, readOnly: true,
    prepare: reply, call: route('GET', () => '/api/auth/providers'),
    effect: (_c, _s, _t, answer) => { json(answer); },
  },
  {
    kind: 'route', method: 'POST', endpoint: 'POST /api/auth/callback/credentials', who: 'anyone with the password; not logged', permission: null, logs: null,
    prepare: reply,
    call: route('POST', () => '/api/auth/callback/credentials', (_t, s, c) => {
      const account = s.account ?? c.sessions.reader.account!;
      return { email: account.email, password: account.password, callbackUrl: '/' };
    }),
    effect: (_c, _s, _t, answer) => {
      check(answer.status === 302 && !(answer.headers.get('location') ?? '').includes('error'), `signed in (${answer.status} ${answer.headers.get('location')})`);
      check(!!sessionCookieSet(answer), 'a session cookie');
    },
  },
  {
    kind: 'route', method: 'POST', endpoint: 'POST /api/auth/signout', who: 'anyone; clears the cookie, writes nothing', permission: null, logs: null, readOnly: true,
    prepare: reply, call: route('POST', () => '/api/auth/signout', () => ({ callbackUrl: '/' })),
    effect: (_c, s, _t, answer) => {
      check(answer.status === 302, `redirected (${answer.status})`);
      if (s.cookie !== null) check(sessionCookieSet(answer) === '', 'the session cookie cleared');
    },
  },
];
