// zod rules for what readers type into comments and report notes: plain text, kept exactly as typed once normalised.
import { z } from 'zod';
import { REPORT_NOTE_MAX } from '@/lib/shared/comments/comment-rules';
import { REPORT_REASONS } from '@/db/report-reasons';
import { codePointLength, hasLoneSurrogate } from './unicode';

// Tab and line feed are text; carriage returns are gone by now; every other C0/C1 control is not.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// What renders as nothing: spaces, format characters, default-ignorables (zero-width joiners,
// variation selectors, Hangul fillers) and the blank braille pattern that looks like a space.
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/gu;

// Whitespace that is not a control character (tab and line feed aside), so that a vertical tab or
// form feed is refused wherever it stands instead of being trimmed away at the ends only.
const SURROUNDING_SPACE = /^[\t\n\p{Zs}\u2028\u2029\uFEFF]+|[\t\n\p{Zs}\u2028\u2029\uFEFF]+$/gu;

/** Browsers submit a textarea's line breaks as CRLF; the text is stored with LF and without surrounding whitespace. */
export function normalizeCommentText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(SURROUNDING_SPACE, '');
}

/** Why a normalised text cannot be posted, or null when it can. */
export function commentTextProblem(text: string, maxLength: number): string | null {
  if (hasLoneSurrogate(text)) return 'The text contains a broken character (a lone surrogate). Remove it and try again.';
  if (FORBIDDEN_CONTROL.test(text)) return 'The text contains a control character (such as NUL) that cannot be posted.';
  if (text.length === 0) return 'Write something first.';
  if (text.replace(INVISIBLE, '').length === 0) return 'The text has no visible characters.';
  const length = codePointLength(text);
  if (length > maxLength) {
    return `Use at most ${maxLength.toLocaleString('en-US')} characters; this has ${length.toLocaleString('en-US')}.`;
  }
  return null;
}

export function commentBodySchema(maxLength: number) {
  return z
    .string({ error: 'Write something first.' })
    .transform(normalizeCommentText)
    .superRefine((text, context) => {
      const problem = commentTextProblem(text, maxLength);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    });
}

const idSchema = (what: string) => z.number({ error: `Unknown ${what}.` }).int().positive({ error: `Unknown ${what}.` });

export const commentIdSchema = idSchema('comment');
export const articleIdSchema = idSchema('article');

export function postCommentSchema(maxLength: number) {
  return z.object({
    articleId: articleIdSchema,
    parentId: commentIdSchema.nullable().default(null),
    body: commentBodySchema(maxLength),
  });
}

export function editCommentSchema(maxLength: number) {
  return z.object({
    commentId: commentIdSchema,
    version: versionSchema,
    body: commentBodySchema(maxLength),
  });
}

export const deleteCommentSchema = z.object({ commentId: commentIdSchema });

/** Optional free text up to `max` characters, under the comment rules; empty or absent becomes null. */
export function optionalNoteSchema(max: number) {
  return z
    .string({ error: 'The note must be text.' })
    .transform(normalizeCommentText)
    .superRefine((text, context) => {
      if (text.length === 0) return;
      const problem = commentTextProblem(text, max);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .transform((text) => (text.length === 0 ? null : text))
    .nullish()
    .transform((note) => note ?? null);
}

export const versionSchema = z.number({ error: 'Reload the page and try again.' }).int().positive({ error: 'Reload the page and try again.' });

export const reportCommentSchema = z.object({
  commentId: commentIdSchema,
  reason: z.enum(REPORT_REASONS, { error: 'Choose a reason.' }),
  note: optionalNoteSchema(REPORT_NOTE_MAX),
});

export const setCommentsOpenSchema = z.object({
  articleId: articleIdSchema,
  open: z.boolean({ error: 'Say whether comments are open.' }),
});
