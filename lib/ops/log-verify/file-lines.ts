// A text file's lines, numbered from 1, read as a stream so that memory stays flat however long the file is.
import 'server-only';
import fs from 'node:fs';
import readline from 'node:readline';

/** Each line without its "\n" or "\r\n". A UTF-8 byte order mark, which editors may add, is dropped. */
export async function* fileLines(file: string): AsyncGenerator<{ text: string; line: number }> {
  const input = fs.createReadStream(file, { encoding: 'utf8' });
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      yield { text: line === 1 ? text.replace(/^\uFEFF/, '') : text, line };
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
