// Character-level checks shared by every schema that accepts text people type.

/** In a `u` regex a lone surrogate is a code point of category Cs; a proper pair never is. */
export function hasLoneSurrogate(value: string): boolean {
  return /\p{Cs}/u.test(value);
}

/** Length in code points, so that an emoji counts as one character, as a person counts it. */
export function codePointLength(value: string): number {
  return Array.from(value).length;
}
