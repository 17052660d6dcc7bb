// The one check every security test runs on an answer: never a server error, and no stack trace, SQL or file path in its body.
import { expect } from '@playwright/test';

const LEAKS: readonly (readonly [string, RegExp])[] = [
  // "at fn (/srv/app/x.js:12:5)", "at /srv/app/x.js:12:5", "at file:///…"
  ['a stack frame', /\bat (?:[\w$.<>[\] ]+ \()?(?:file:\/\/|\/|[A-Za-z]:\\|webpack|node:)[^\s()]*:\d+(?::\d+)?\)?/],
  ['SQL', /\b(?:SELECT [\w*]|INSERT INTO|UPDATE \w+ SET|DELETE FROM)|SQLITE_|no such (?:table|column)|near "[^"]*": syntax error|UNIQUE constraint|FOREIGN KEY constraint/],
  ['a file path', /\/work\/|\/tmp\/|node_modules|\/home\/|\/root\/|\.next\/server|\.[cm]?[jt]sx?:\d+/],
];

/** What a body gives away that it should not, by name; empty when it is clean. */
export function leaksIn(body: string): string[] {
  return LEAKS.filter(([, pattern]) => pattern.test(body)).map(([name]) => `${name}: ${pattern(body, name)}`);
}

function pattern(body: string, name: string): string {
  const found = LEAKS.find(([leak]) => leak === name)![1].exec(body)!;
  return JSON.stringify(body.slice(Math.max(0, found.index - 60), found.index + found[0].length + 60));
}

/** An answer a caller could have caused: not a 5xx, and nothing in it about the server's insides. Soft, so a table of cases reports every one. */
export function expectNoLeak(answer: { status: number; body: string }, label: string): void {
  expect.soft(answer.status, `${label}: status`).toBeLessThan(500);
  expect.soft(leaksIn(answer.body), `${label}: leaks in the body`).toEqual([]);
}
