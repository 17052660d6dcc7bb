// Prepares each hot SQL statement once per connection, for a database handle or a transaction on it.
import 'server-only';
import type Database from 'better-sqlite3';
import { getTableColumns, type Table } from 'drizzle-orm';
import type { Db, Tx } from './client';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The connection a handle runs on. A drizzle transaction is a view of its database's one
 * connection (better-sqlite3 transactions are per connection), but drizzle keeps that connection
 * private in the transaction's session; reaching it lets a statement prepared once serve every
 * transaction. drizzle-orm is pinned, and the check below fails loudly if its shape ever changes.
 */
export function connectionOf(handle: Db | Tx): Database.Database {
  if ('$client' in handle) return handle.$client;
  const client = (handle as unknown as { session?: { client?: Database.Database } }).session?.client;
  if (!client || typeof client.prepare !== 'function') throw new Error('drizzle transaction without a better-sqlite3 connection');
  return client;
}

/** drizzle's query builder compiles its SQL and prepares a new statement on every call; this prepares it once. */
export function prepared(handle: Db | Tx, sqlText: string): Database.Statement {
  const connection = connectionOf(handle);
  let statements = cache.get(connection);
  if (!statements) cache.set(connection, (statements = new Map()));
  let statement = statements.get(sqlText);
  if (!statement) statements.set(sqlText, (statement = connection.prepare(sqlText)));
  return statement;
}

/** `id AS "id", article_id AS "articleId", …`: every column of a table under its TypeScript name, as drizzle's select() returns a row. */
export function columnsAsProperties(table: Table): string {
  return Object.entries(getTableColumns(table)).map(([property, column]) => `"${column.name}" AS "${property}"`).join(', ');
}

/** The SQL name of one of a table's columns given its TypeScript name. */
export function columnName(table: Table, property: string): string {
  const column = getTableColumns(table)[property];
  if (!column) throw new Error(`no column ${property}`);
  return column.name;
}
