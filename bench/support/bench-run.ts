// What both load benches do around their load: insist on a build, copy the prepared database, and exit with main's code.
import Database from 'better-sqlite3';
import { hasProductionBuild } from '@/lib/ops/load/production-server';
import { sourcesNewerThanBuild } from './run-info';

/** False (with the reason printed) when there is no build; warns when sources look newer than it. */
export function checkBuild(root: string): boolean {
  if (!hasProductionBuild(root)) {
    console.error('There is no production build in .next. Run `npm run build` first: the bench serves the current build and never builds.');
    return false;
  }
  const stale = sourcesNewerThanBuild(root);
  if (stale.length > 0) {
    console.warn(`warning: ${stale.length} source file(s) changed after the build (e.g. ${stale.slice(0, 3).join(', ')}): run npm run build for current figures`);
  }
  return true;
}

/** The server gets a copy (SQLite's backup API), as a site would be measured on a copy of its data. */
export async function copyDatabase(from: string, to: string): Promise<void> {
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
}

/** Exits with main's code, or 1 with the error's message. */
export function runBench(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
