// The fixed rules of posting, editing and reporting; free of imports so that client forms can show them.

/** Authors may change their text for this long after posting. */
export const EDIT_WINDOW_MS = 15 * 60_000;

/** A comment's length limit when COMMENT_MAX_LENGTH does not set another. */
export const DEFAULT_COMMENT_MAX_LENGTH = 10_000;
/** The highest COMMENT_MAX_LENGTH accepted: beyond it a single comment would outweigh a page. */
export const COMMENT_MAX_LENGTH_CEILING = 100_000;

/** Every edit keeps a revision and writes a log row, so a comment's edits are capped. */
export const MAX_EDITS_PER_COMMENT = 10;

export const REPORT_NOTE_MAX = 500;

export type WindowRule = { limit: number; windowMs: number; label: string };

/** Per author, counted from the comments table itself, so a restart resets nothing. */
export const POSTING_LIMITS: readonly WindowRule[] = [
  { limit: 5, windowMs: 60_000, label: '5 comments a minute' },
  { limit: 100, windowMs: 24 * 60 * 60_000, label: '100 comments a day' },
];

/** The same text from the same author inside this window is refused as a duplicate. */
export const DUPLICATE_WINDOW_MS = 5 * 60_000;

export const REPORTING_LIMIT: WindowRule = { limit: 20, windowMs: 24 * 60 * 60_000, label: '20 reports a day' };
