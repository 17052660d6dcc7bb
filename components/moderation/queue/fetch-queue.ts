// The queue's JSON request from the browser: one page of a tab, with fresh cards for those still shown that may have left it.
import type { ModerationQueuePage } from '@/lib/shared/moderation/queue-types';
import type { QueueTab } from '@/lib/shared/validation/queue-query';

export function queueQueryKey(tab: QueueTab, articleId: number | null): readonly unknown[] {
  return ['moderation-queue', tab, articleId];
}

export async function fetchQueue(
  request: { tab: QueueTab; articleId: number | null; after: string; include: readonly number[] },
  signal: AbortSignal,
): Promise<ModerationQueuePage> {
  const params = new URLSearchParams({ tab: request.tab });
  if (request.articleId !== null) params.set('article', String(request.articleId));
  if (request.after) params.set('after', request.after);
  if (request.include.length > 0) params.set('include', request.include.join(','));
  const response = await fetch(`/api/moderation/queue?${params}`, { signal, headers: { Accept: 'application/json' } });
  const payload = await response.json().catch(() => null);
  if (!response.ok) throw new Error(payload?.error?.message ?? `The server answered ${response.status}.`);
  return payload as ModerationQueuePage;
}
