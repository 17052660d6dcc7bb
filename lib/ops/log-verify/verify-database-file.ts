// npm run log:verify with no file: the whole chain of the database's moderation log.
import 'server-only';
import { verifyLogChain, type ChainVerdict } from '@/lib/ops/log-verify/verify-log-chain';
import { openLogDatabase } from './open-log-database';

export function verifyDatabaseFile(file: string): ChainVerdict {
  const db = openLogDatabase(file);
  try {
    return verifyLogChain(db);
  } finally {
    db.$client.close();
  }
}
