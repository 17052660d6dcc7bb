// npm run db:seed: imports the demo article and its thread; running it again changes nothing.
import './lib/allow-server-only';
import { databasePath, openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoArticleFromCaptures } from '@/lib/ops/seed/demo-captures';
import { DEMO_ARTICLE_SLUG } from '@/lib/ops/seed/seed-demo-article';

const db = openDatabase();
migrateDatabase(db);
const result = seedDemoArticleFromCaptures(db);
db.$client.close();
console.log(
  result.created
    ? `Seeded "${DEMO_ARTICLE_SLUG}" with ${result.comments} comments into ${databasePath()}`
    : `"${DEMO_ARTICLE_SLUG}" is already in ${databasePath()}; nothing changed`,
);
