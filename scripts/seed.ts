// npm run db:seed: imports the demo article and its thread; running it again changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { databasePath, openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { DEMO_ARTICLE_SLUG, seedDemoArticle } from '@/lib/import/seed-demo-article';

const seedFolder = path.join(process.cwd(), 'db', 'seed');
const db = openDatabase();
migrateDatabase(db);
const result = seedDemoArticle(
  db,
  fs.readFileSync(path.join(seedFolder, 'article.txt'), 'utf8'),
  fs.readFileSync(path.join(seedFolder, 'thread.txt'), 'utf8'),
);
db.$client.close();
console.log(
  result.created
    ? `Seeded "${DEMO_ARTICLE_SLUG}" with ${result.comments} comments into ${databasePath()}`
    : `"${DEMO_ARTICLE_SLUG}" is already in ${databasePath()}; nothing changed`,
);
