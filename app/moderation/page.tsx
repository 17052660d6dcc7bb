import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { ModerationQueue } from '@/components/moderation/queue/moderation-queue';
import { getDb } from '@/db/client';
import { requireViewer } from '@/lib/auth/get-viewer';
import { listArticles } from '@/lib/queries/articles';
import { readModerationQueueFor } from '@/lib/queries/moderation-queue';
import { parseQueueQuery } from '@/lib/shared/validation/queue-query';
import { QUEUE_TAB_WORDS } from '@/lib/shared/vocabulary';
import './moderation.css';

export const metadata: Metadata = { title: 'Moderation queue' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ModerationPage({ searchParams }: { searchParams: SearchParams }) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const each of [value ?? []].flat()) params.append(key, each);
  }
  // The page reads only the tab and the article; a cursor or include list belongs to the JSON API.
  params.delete('after');
  params.delete('include');
  const viewer = await requireViewer(`/moderation${params.size > 0 ? `?${params}` : ''}`);
  const db = getDb();
  const query = parseQueueQuery(params);
  const answer = readModerationQueueFor(db, viewer, query.success ? query.data : { tab: 'reported', articleId: null, after: null, include: [] });
  if (!answer.ok) forbidden();
  const { tab, articleId } = query.success ? query.data : { tab: 'reported' as const, articleId: null };
  return (
    <section className="moderation-page">
      <h1>Moderation queue</h1>
      {!query.success && <p className="form-message error" role="alert">Showing the Reported tab: {query.message}.</p>}
      <p className="meta">
        {QUEUE_TAB_WORDS[tab]} replies{articleId !== null && ' on one article'}. The queue refreshes every 5 seconds; press <kbd>?</kbd> for the
        keyboard shortcuts. Every decision is in the <Link href="/moderation/log">moderation log</Link>.
      </p>
      <ModerationQueue
        key={`${tab}:${articleId ?? ''}`}
        initial={answer.queue}
        tab={tab}
        articleId={articleId}
        articles={listArticles(db).map(({ id, title }) => ({ id, title }))}
        viewerEmail={viewer.email}
      />
    </section>
  );
}
