// A temp database holding the demo article, seeded from db/seed/ exactly as `npm run db:seed` does.
import { seedDemoArticle } from '@/lib/import/seed-demo-article';
import { readSeedCapture } from './seed-captures';
import type { TempDb } from './temp-db';

export function seedDemo(temp: TempDb) {
  return seedDemoArticle(temp.db, readSeedCapture('article.txt'), readSeedCapture('thread.txt'));
}
