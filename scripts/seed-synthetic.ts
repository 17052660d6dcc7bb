// npm run seed:synthetic -- --comments 100000 --slug big-thread [--seed N]
import './lib/allow-server-only';
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { insertArticleWithThread } from '@/lib/ops/seed/insert-article-with-thread';
import { generateSyntheticThread } from '@/lib/ops/synthetic/generate-thread';

function fail(message: string): never {
  console.error(`seed:synthetic: ${message}`);
  console.error('usage: npm run seed:synthetic -- --comments 100000 --slug big-thread [--seed 20181204]');
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: { comments: { type: 'string' }, slug: { type: 'string' }, seed: { type: 'string' } },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
const comments = Number(values.comments);
if (!Number.isInteger(comments) || comments < 1 || comments > 5_000_000) fail('--comments must be a whole number from 1 to 5000000');
const slug = values.slug ?? '';
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || slug.length > 120) fail('--slug must be lowercase words joined by hyphens');
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (seed !== undefined && !Number.isInteger(seed)) fail('--seed must be a whole number');

const started = performance.now();
const { article, thread } = generateSyntheticThread({ comments, slug, seed });
const db = openDatabase();
migrateDatabase(db);
const result = insertArticleWithThread(db, article, thread, 'synthetic');
db.$client.close();
if (!result.created) fail(`an article with the slug "${slug}" already exists in ${databasePath()}; choose another slug`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Created /articles/${slug} with ${result.comments} comments in ${seconds} s (${databasePath()})`);
