// The sliding-window question every per-user limit asks: given the newest events, when may the next one happen?
import 'server-only';
import type { WindowRule } from '@/lib/shared/comments/comment-rules';

/**
 * `newestFirst` holds ISO times of the key's most recent events, newest first (at least `limit`
 * of them when there are that many). Returns null when another event fits in the window now, or
 * the moment in ms when the limit-th most recent event leaves it and a slot is free again.
 */
export function windowFullUntil(newestFirst: readonly string[], rule: WindowRule, now: number): number | null {
  const limitth = newestFirst[rule.limit - 1];
  if (limitth === undefined) return null;
  const freeAt = Date.parse(limitth) + rule.windowMs;
  return freeAt > now ? freeAt : null;
}
