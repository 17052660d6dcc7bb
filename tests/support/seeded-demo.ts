// A temp database holding the demo article, seeded from db/seed/ exactly as `npm run db:seed` does.
import { seedDemoArticleFromCaptures } from '@/lib/ops/seed/demo-captures';
import type { TempDb } from './temp-db';

export function seedDemo(temp: TempDb) {
  return seedDemoArticleFromCaptures(temp.db);
}
