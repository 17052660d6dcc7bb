// Builds a LIKE pattern that matches a user's text anywhere, with the text's own wildcards taken literally.

/** `%`, `_` and the escape character itself match literally in a LIKE … ESCAPE '\' pattern. */
export function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
