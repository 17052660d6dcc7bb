// Character-level checks shared by every schema that accepts text people type.

/** In a `u` regex a lone surrogate is a code point of category Cs; a proper pair never is. */
export function hasLoneSurrogate(value: string): boolean {
  return /\p{Cs}/u.test(value);
}

/** Length in code points, so that an emoji counts as one character, as a person counts it. */
export function codePointLength(value: string): number {
  return Array.from(value).length;
}

/**
 * C0 controls (U+0000–U+001F), DEL and C1 controls (U+007F–U+009F): no one types them into a
 * search box or a link, and a NUL cuts text short where C code reads it (SQLite's FTS5 query
 * parser stopped at one and answered "unterminated string", a 500).
 */
export function hasControlCharacter(value: string): boolean {
  return /[\u0000-\u001f\u007f-\u009f]/.test(value);
}

const CONTROL_REFUSAL = 'must not contain control characters (such as NUL, a tab or a line break)';

/**
 * The one check every query string passes before its parser reads it: a parameter's name or value
 * holding a control character is refused in words, naming the parameter. Null when every parameter
 * is clean. No lone surrogate gets this far: URLSearchParams holds USVStrings, so one becomes U+FFFD.
 */
export function queryCharactersRefusal(params: URLSearchParams): string | null {
  for (const [key, value] of params) {
    if (hasControlCharacter(key)) return `a parameter name ${CONTROL_REFUSAL}`;
    if (hasControlCharacter(value)) return `${key} ${CONTROL_REFUSAL}`;
  }
  return null;
}
