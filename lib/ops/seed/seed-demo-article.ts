// The demo article: the captured Caracas Chronicles piece and its reader thread.
import 'server-only';
import type { Db } from '@/db/client';
import { insertArticleWithThread, type InsertArticleResult } from './insert-article-with-thread';
import { parseArticleCapture } from './parse-article-capture';
import { parseThreadCapture } from './parse-thread-capture';

export const DEMO_ARTICLE_SLUG = 'from-pyongyang-with-love-autocracies-befriend-autocracies';
/** The capture gives the month only (December 2018), so the date is kept at that precision. */
const DEMO_PUBLISHED_ON = '2018-12';
const DEMO_FOOTER_START = 'Caracas Chronicles is 100% reader-supported';
/** The capture carries no names; none is invented. */
export const IMPORTED_AUTHOR_NAME = 'Anonymous reader';
/** The capture carries no times: comments get one second apart from the start of the article's month, in capture order. */
const IMPORTED_TIMES_START = Date.parse('2018-12-01T00:00:00.000Z');

export function seedDemoArticle(db: Db, articleCapture: string, threadCapture: string): InsertArticleResult {
  const article = parseArticleCapture(articleCapture, { footerStartsWith: DEMO_FOOTER_START });
  const thread = parseThreadCapture(threadCapture).map((comment, index) => ({
    parentIndex: comment.parentIndex,
    authorName: IMPORTED_AUTHOR_NAME,
    body: comment.body,
    status: comment.status,
    createdAt: new Date(IMPORTED_TIMES_START + index * 1000).toISOString(),
  }));
  return insertArticleWithThread(
    db,
    { ...article, slug: DEMO_ARTICLE_SLUG, publishedOn: DEMO_PUBLISHED_ON },
    thread,
    'import',
  );
}
