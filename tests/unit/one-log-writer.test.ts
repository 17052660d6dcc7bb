// moderation_log has one writer, lib/log/append-log-entry.ts's writeLogRow: every row is chained and hashed the one way.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCANNED_FOLDERS = ['app', 'components', 'lib', 'db', 'scripts', 'bench'];
const WRITER = 'lib/log/append-log-entry.ts';
/** SQL (any case, INSERT OR …, a quoted name) and drizzle's insert builder. */
const LOG_INSERTS = [/insert\s+(?:or\s+\w+\s+)?into\s+["`[]?moderation_log\b/gi, /\.insert\(\s*moderationLog\s*\)/g];

const logInserts = (text: string) => LOG_INSERTS.reduce((count, pattern) => count + (text.match(pattern)?.length ?? 0), 0);

function sourceFiles(folder: string): string[] {
  const full = path.join(ROOT, folder);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(tsx?|mjs|cjs|js|sql)$/.test(name) && !name.split(path.sep).includes('node_modules'))
    .map((name) => path.join(folder, name));
}

describe('the moderation log’s one writer', () => {
  it('the patterns catch an insert into the log however it is written', () => {
    expect(logInserts('INSERT INTO moderation_log (id) VALUES (1)')).toBe(1);
    expect(logInserts('insert or ignore into "moderation_log" (id)')).toBe(1);
    expect(logInserts('db.$client.prepare(`INSERT\n  INTO moderation_log (id, hash)`)')).toBe(1);
    expect(logInserts('tx.insert(moderationLog).values(row).run()')).toBe(1);
    expect(logInserts('SELECT id FROM moderation_log; INSERT INTO moderation_log_archive (id) VALUES (1)')).toBe(0);
  });

  it(`no source file but ${WRITER} inserts into moderation_log, and it does once`, () => {
    const files = SCANNED_FOLDERS.flatMap(sourceFiles);
    expect(files).toContain(path.join('lib', 'ops', 'synthetic', 'generate-log.ts'));
    const writers = files
      .map((file) => ({ file: file.split(path.sep).join('/'), inserts: logInserts(fs.readFileSync(path.join(ROOT, file), 'utf8')) }))
      .filter(({ inserts }) => inserts > 0);
    expect(writers).toEqual([{ file: WRITER, inserts: 1 }]);
  });
});
