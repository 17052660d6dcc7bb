// npm run db:migrate (also run by start, dev and demo): applies pending migrations.
import './lib/allow-server-only';
import { databasePath, openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

const db = openDatabase();
const applied = migrateDatabase(db);
db.$client.close();
console.log(`Database ${databasePath()}: ${applied === 0 ? 'schema up to date' : `${applied} migration(s) applied`}`);
