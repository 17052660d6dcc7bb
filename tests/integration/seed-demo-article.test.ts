// Seeding the demo article from the committed captures, and seeding it again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '@/tests/support/seeded-demo';
import { createTempDb, type TempDb } from '@/tests/support/temp-db';

const SLUG = 'from-pyongyang-with-love-autocracies-befriend-autocracies';

let temp: TempDb;
beforeEach(() => {
  temp = createTempDb();
});
afterEach(() => temp.cleanup());

const all = (sql: string) => temp.db.$client.prepare(sql).all() as Record<string, unknown>[];
const dump = () => ({
  articles: all('SELECT * FROM articles ORDER BY id'),
  comments: all('SELECT * FROM comments ORDER BY id'),
});

describe('seedDemoArticle', () => {
  it('writes the article and its 22 comments', () => {
    expect(seedDemo(temp)).toMatchObject({ created: true, comments: 22 });
    const articles = all('SELECT * FROM articles');
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      slug: SLUG,
      title: 'From Pyongyang with Love—Autocracies Befriend Autocracies',
      photo_credit: 'Photo: Noticias Barquisimeto retrieved',
      published_on: '2018-12',
    });
    expect(articles[0]!.body).not.toMatch(/reader-supported/);
    expect(articles[0]!.footer).toMatch(/^Caracas Chronicles is 100% reader-supported\./);

    const comments = all('SELECT * FROM comments');
    expect(comments).toHaveLength(22);
    expect(comments.every((c) => c.article_id === articles[0]!.id)).toBe(true);
    expect(new Set(comments.map((c) => c.author_name))).toEqual(new Set(['Anonymous reader']));
    expect(new Set(comments.map((c) => c.origin))).toEqual(new Set(['import']));
    expect(comments.filter((c) => c.status === 'unavailable')).toMatchObject([{ depth: 2, body: '' }]);
    expect(comments.filter((c) => c.depth === 0)).toHaveLength(9);
  });

  it('dates the comments in capture order, which is display order', () => {
    seedDemo(temp);
    const rows = all('SELECT body, created_at FROM comments ORDER BY path');
    expect(rows[0]!.body).toMatch(/^Juan, thanks/);
    expect(rows.at(-1)!.body).toMatch(/^Kim’s grandfather/);
    rows.slice(1).forEach((row, i) => {
      expect(String(row.created_at) > String(rows[i]!.created_at), `row ${i + 1}`).toBe(true);
    });
  });

  it('changes nothing when run a second time', () => {
    seedDemo(temp);
    const before = dump();
    expect(seedDemo(temp)).toEqual({ articleId: before.articles[0]!.id, created: false, comments: 0 });
    expect(dump()).toEqual(before);
  });
});
