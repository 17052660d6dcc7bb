// Finds the http(s) and mailto links in a reader's plain text, splitting it into text and link segments.

/**
 * `text` is the input exactly as typed; a link's `label` is what it reads as on the page: the typed
 * text, or, when its host could pass for another one, the same with the host in ASCII (punycode).
 */
export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string; label: string };

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

/**
 * The host as typed: after the scheme and the slashes the parser skips (any number of `/` and `\`)
 * and an empty user part (`https://@host`, the only one `linkUrlOf` lets through), up to a port,
 * path, query or fragment.
 */
const TYPED_HOST = /^[a-z]+:[/\\]*@?(\[[^\]]*\]|[^/\\?#:]*)/i;
/** The label separators IDNA accepts: the full stop and its ideographic and full-width forms. */
const LABEL_DOTS = /[.\u3002\uFF0E\uFF61]/u;
/** A character of no script: ASCII digits and `-`, combining marks, and symbols and punctuation such as `⁄`. */
const SCRIPTLESS = /[\p{scx=Zyyy}\p{scx=Zinh}]/u;
/** A symbol or punctuation mark outside ASCII: of no script, and not a combining mark. */
const NON_ASCII_SYMBOL = /(?!\p{ASCII})\p{scx=Zyyy}/u;
const LATIN = /\p{scx=Latn}/u;
/**
 * What Latin may share a label with (Unicode TS #39's "highly restrictive" level): the scripts that
 * Japanese, Chinese and Korean names mix with it.
 */
const WITH_LATIN = [
  /^[\p{scx=Latn}\p{scx=Hani}\p{scx=Hira}\p{scx=Kana}\p{scx=Zyyy}\p{scx=Zinh}]*$/u,
  /^[\p{scx=Latn}\p{scx=Hani}\p{scx=Bopo}\p{scx=Zyyy}\p{scx=Zinh}]*$/u,
  /^[\p{scx=Latn}\p{scx=Hani}\p{scx=Hang}\p{scx=Zyyy}\p{scx=Zinh}]*$/u,
];
/** Scripts with letters that pass for Latin ones (Cyrillic а р о с е х у ӏ, Greek ο ν, Armenian օ ս, Cherokee Ꭺ…). */
const LATIN_LOOKALIKE_SCRIPTS = [
  /\p{scx=Cyrl}/u,
  /\p{scx=Grek}/u,
  /\p{scx=Armn}/u,
  /\p{scx=Cher}/u,
  /\p{scx=Copt}/u,
  /\p{scx=Lisu}/u,
];
const ASCII = /^\p{ASCII}*$/u;

/**
 * Whether a typed host could read as another host than the one the link goes to, so that the link
 * shows its ASCII form (the punycode the URL parser gives) instead. It could when it is:
 * - percent-encoded, whose text hides what it decodes to;
 * - holding a non-ASCII symbol or punctuation mark (`⁄` passes for `/`);
 * - holding a label that mixes Latin with another script (`аpple` with a Cyrillic а), except
 *   Han, Hiragana, Katakana, Bopomofo and Hangul, which Japanese, Chinese and Korean names mix it with;
 * - using a script whose letters pass for Latin ones (Cyrillic, Greek, Armenian, Cherokee, Coptic,
 *   Lisu) without being wholly in it: `аррӏе.com` (every letter of its first label Cyrillic) and
 *   `пример.com` show as punycode, `пример.рф` reads as itself. Which Cyrillic letters pass for
 *   Latin ones is not a Unicode property, so a whole label of them is judged by its script.
 * Everything else reads as itself: an ASCII host (`xn--…` included), one wholly in one script
 * (`bücher.de` in Latin with accents), Japanese `例え.jp`. Latin letters that pass for other Latin
 * letters (`ɡ`, `ı`) are not caught: that would take the Unicode confusables table.
 */
function readsAsAnotherHost(host: string): boolean {
  if (host.includes('%')) return true;
  if (ASCII.test(host)) return false;
  const labels = host.split(LABEL_DOTS);
  if (labels.some((label) => NON_ASCII_SYMBOL.test(label))) return true;
  if (labels.some((label) => LATIN.test(label) && !WITH_LATIN.some((allowed) => allowed.test(label)))) return true;
  const letters = [...labels.join('')].filter((char) => !SCRIPTLESS.test(char));
  return LATIN_LOOKALIKE_SCRIPTS.some((script) => letters.some((char) => script.test(char)) && !letters.every((char) => script.test(char)));
}

/** The typed link, with its host in ASCII when the typed host could read as another; a mailto address as typed. */
function labelOf(typed: string, url: URL): string {
  if (url.protocol === 'mailto:') return typed;
  const match = TYPED_HOST.exec(typed);
  if (!match) return typed;
  const host = match[1]!;
  if (!readsAsAnotherHost(host)) return typed;
  const start = match[0].length - host.length;
  return typed.slice(0, start) + url.hostname + typed.slice(match[0].length);
}

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
 * The parsed URL of a link as typed, or null if it is not one: it must parse, and be either
 * http(s) with a plain host name (not "a.com,https" from "https://a.com,https://b.com") and no
 * user name or password (which would let "https://bank.example@evil.example" pass for the bank),
 * or mailto with a recipient.
 */
function linkUrlOf(typed: string): URL | null {
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    return PLAIN_HOST.test(url.hostname) && url.username === '' && url.password === '' ? url : null;
  }
  if (url.protocol === 'mailto:') return url.pathname !== '' ? url : null;
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
    const url = linkUrlOf(typed);
    if (url === null) continue;
    pushText(text.slice(position, match.index));
    segments.push({ kind: 'link', text: typed, href: url.href, label: labelOf(typed, url) });
    position = match.index + typed.length;
  }
  pushText(text.slice(position));
  return segments;
}
