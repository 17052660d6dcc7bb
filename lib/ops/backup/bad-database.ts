// A file that is not a sound Threadkeeper database (not SQLite, foreign, corrupt, a broken chain): exit status 1.
import 'server-only';
export class BadDatabase extends Error {}
