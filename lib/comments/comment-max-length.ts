// Reads the configurable comment length limit (COMMENT_MAX_LENGTH) and refuses a value that makes no sense.
import 'server-only';
import { COMMENT_MAX_LENGTH_CEILING, DEFAULT_COMMENT_MAX_LENGTH } from '../shared/comments/comment-rules';

export function commentMaxLength(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.COMMENT_MAX_LENGTH?.trim();
  if (!raw) return DEFAULT_COMMENT_MAX_LENGTH;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > COMMENT_MAX_LENGTH_CEILING) {
    throw new Error(`COMMENT_MAX_LENGTH must be a whole number from 1 to ${COMMENT_MAX_LENGTH_CEILING}, not "${raw}".`);
  }
  return value;
}
