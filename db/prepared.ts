// Prepares each hot SQL statement once per connection.
import type Database from 'better-sqlite3';
import type { Db } from './client';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(db: Db, sqlText: string): Database.Statement {
  let statements = cache.get(db.$client);
  if (!statements) cache.set(db.$client, (statements = new Map()));
  let statement = statements.get(sqlText);
  if (!statement) statements.set(sqlText, (statement = db.$client.prepare(sqlText)));
  return statement;
}
