// Texts the model test sends, named so a failing sequence reads well, each with what the comment-text rules make of
// it, written out by hand so the model does not borrow lib's normaliser: the stored text, '' when nothing is left,
// or BROKEN when refused whatever the limit.

const BROKEN = Symbol('broken');
type Normalised = string | typeof BROKEN;

const COMMENT_TEXTS = {
  absent: [undefined, ''],
  null: [null, ''],
  empty: ['', ''],
  blank: [' \r\n ', ''],
  first: ['First!', 'First!'],
  same: ['Same text', 'Same text'],
  'same-padded': ['  Same text \r\n', 'Same text'],
  crlf: ['Line one\r\nLine two', 'Line one\nLine two'],
  emoji: ['😀 great piece', '😀 great piece'],
  thanks: ['Thanks for this.', 'Thanks for this.'],
  note: ['Check the numbers', 'Check the numbers'],
  'note-padded': ['  Second time this week\r\n', 'Second time this week'],
  'a×400': ['a'.repeat(400), 'a'.repeat(400)],
  'b×600': ['b'.repeat(600), 'b'.repeat(600)],
  'x×1200': ['x'.repeat(1200), 'x'.repeat(1200)],
  nul: ['nul\u0000byte', BROKEN],
  // A zero-width space alone: nothing visible.
  'zero-width': ['\u200b', BROKEN],
} satisfies Record<string, [string | null | undefined, Normalised]>;

export type TextName = keyof typeof COMMENT_TEXTS;

/** Optional notes and explanations; the long ones fit some limits and not others. */
export const NOTE_SAMPLES: TextName[] = ['absent', 'null', 'empty', 'blank', 'note', 'note-padded', 'a×400'];
export const REFUSED_NOTE_SAMPLES: TextName[] = ['b×600', 'nul', 'zero-width'];

/** Comment and annotation bodies: few, so that duplicates and unchanged edits happen. */
export const BODY_SAMPLES: TextName[] = ['first', 'same', 'same-padded', 'crlf', 'emoji', 'x×1200'];
/** Six bodies no two of which are the same text once normalised: one more than the posts a minute allows. */
export const DISTINCT_BODY_SAMPLES: TextName[] = ['first', 'same', 'crlf', 'emoji', 'x×1200', 'thanks'];
export const REFUSED_BODY_SAMPLES: TextName[] = ['empty', 'blank', 'nul', 'zero-width'];

const BAN_REASONS = {
  spam: ['Spam links', 'Spam links'],
  'spam-padded': ['  Spam links\r\n', 'Spam links'],
  crlf: ['Abuse\r\nRepeated', 'Abuse\nRepeated'],
  empty: ['', null],
  'r×501': ['r'.repeat(501), null],
} satisfies Record<string, [string, string | null]>;

export type BanReasonName = keyof typeof BAN_REASONS;
export const BAN_REASON_SAMPLES = Object.keys(BAN_REASONS) as BanReasonName[];

/** What is sent for a named text. */
export const rawText = (name: TextName) => COMMENT_TEXTS[name][0];
export const rawBanReason = (name: BanReasonName) => BAN_REASONS[name][0];

export type Accepted<T> = { ok: true; value: T } | { ok: false };

const fits = (text: string, max: number) => Array.from(text).length <= max;

/** An optional note: null when empty, refused when broken or longer than `max`. */
export function optionalText(name: TextName, max: number): Accepted<string | null> {
  const text = COMMENT_TEXTS[name][1];
  if (text === BROKEN || !fits(text, max)) return { ok: false };
  return { ok: true, value: text === '' ? null : text };
}

/** A comment or annotation body: refused when empty, broken or longer than `max`. */
export function requiredText(name: TextName, max: number): Accepted<string> {
  const text = COMMENT_TEXTS[name][1];
  if (text === BROKEN || text === '' || !fits(text, max)) return { ok: false };
  return { ok: true, value: text };
}

export function banReasonText(name: BanReasonName): Accepted<string> {
  const reason = BAN_REASONS[name][1];
  return reason === null ? { ok: false } : { ok: true, value: reason };
}
