// Finds the http(s) and mailto links in a reader's plain text, splitting it into text and link segments.

export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/**
 * A candidate link: an http://, https:// or mailto: scheme (any letter case, ASCII only, so no
 * Unicode case folding such as "ſ" for "s"), running until whitespace, `<`, `>`, `"` or an
 * invisible control or format character (bidi overrides, zero-width spaces), which could make a
 * link's text read differently from where it goes.
 *
 * The scheme may not follow a letter, digit, combining mark or `_` (so not "xhttp://"), nor a
 * character that continues a scheme or a URL: `+`, `-`, `.`, `:` or `/` (so not the "http://" of
 * "javascript:http://x" or "foo+https://x").
 */
const CANDIDATE =
  /(?<![\p{L}\p{N}\p{M}_+.\-:/])(?:[Hh][Tt][Tt][Pp][Ss]?:\/\/|[Mm][Aa][Ii][Ll][Tt][Oo]:)[^\s<>"\p{Cc}\p{Cf}]*/gu;

/**
 * Punctuation that usually ends the sentence around a link rather than the link itself: ASCII,
 * typographic closing quotes and the ellipsis, and the CJK full-width marks.
 */
const TRAILING_PUNCTUATION = new Set([
  ...'.,;:!?\'"',
  ...'\u2019\u201D\u00BB\u203A\u2026', // ’ ” » › …
  ...'\u3002\u3001\uFF0C\uFF0E\uFF01\uFF1F\uFF1A\uFF1B', // 。、，．！？：；
]);
const OPENER_OF: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{', '>': '<' };

/** A host name as the URL parser leaves it (lowercase, punycode) or a bracketed IPv6 address. */
const PLAIN_HOST = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])$/;

function countOf(text: string, char: string): number {
  let count = 0;
  for (const c of text) if (c === char) count++;
  return count;
}

/** Drops trailing sentence punctuation and closing brackets that close nothing inside the link. */
function trimTrailing(candidate: string): string {
  let end = candidate;
  for (;;) {
    const last = end.slice(-1);
    const opener = OPENER_OF[last];
    if (TRAILING_PUNCTUATION.has(last) || (opener !== undefined && countOf(end, last) > countOf(end, opener))) {
      end = end.slice(0, -1);
    } else {
      return end;
    }
  }
}

/**
 * The normalised href of a link as typed, or null if it is not one: it must parse, and be either
 * http(s) with a plain host name (not "a.com,https" from "https://a.com,https://b.com") and no
 * user name or password (which would let "https://bank.example@evil.example" pass for the bank),
 * or mailto with a recipient.
 */
function hrefOf(typed: string): string | null {
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    return PLAIN_HOST.test(url.hostname) && url.username === '' && url.password === '' ? url.href : null;
  }
  if (url.protocol === 'mailto:') return url.pathname !== '' ? url.href : null;
  return null;
}

/**
 * Splits text into text and link segments. Joining every segment's text gives back the input
 * exactly; adjacent text is one segment and no segment is empty.
 */
export function linkifyText(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  const pushText = (part: string) => {
    if (part === '') return;
    const previous = segments.at(-1);
    if (previous?.kind === 'text') previous.text += part;
    else segments.push({ kind: 'text', text: part });
  };

  let position = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const typed = trimTrailing(match[0]);
    const href = hrefOf(typed);
    if (href === null) continue;
    pushText(text.slice(position, match.index));
    segments.push({ kind: 'link', text: typed, href });
    position = match.index + typed.length;
  }
  pushText(text.slice(position));
  return segments;
}
