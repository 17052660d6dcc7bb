// Reads the demo captures committed under db/seed/ and imports them: what every seeding entry point shares.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '@/db/client';
import type { InsertArticleResult } from './insert-article-with-thread';
import { seedDemoArticle } from './seed-demo-article';

export type DemoCapture = 'article.txt' | 'thread.txt';

export function readDemoCapture(name: DemoCapture): string {
  return fs.readFileSync(path.join(process.cwd(), 'db', 'seed', name), 'utf8');
}

export function seedDemoArticleFromCaptures(db: Db): InsertArticleResult {
  return seedDemoArticle(db, readDemoCapture('article.txt'), readDemoCapture('thread.txt'));
}
