// What a log row is about, in words, linking to it: a comment in its thread (and to only its rows), a user's page, an article.
import Link from 'next/link';
import type { LogFilters } from '@/lib/shared/log/log-filters';
import type { LogPageEntry } from '@/lib/shared/log/log-page-types';
import { logViewHref } from './log-view-href';

export function LogEntryTargetCell({ entry, filters }: { entry: LogPageEntry; filters: LogFilters }) {
  const { target, article } = entry;
  if (!target) return null;
  const gone = target.name === null && <> (no longer exists)</>;
  switch (target.type) {
    case 'comment':
      return (
        <>
          {target.href ? <Link href={target.href}>Comment {target.id}</Link> : <>Comment {target.id}</>}
          {target.name !== null ? <> by <bdi>{target.name}</bdi></> : gone}
          {article && <> on <Link href={`/articles/${article.slug}`}>{article.title}</Link></>}
          {' · '}
          <Link href={logViewHref({ ...filters, comment: target.id })}>only this comment</Link>
        </>
      );
    case 'user':
      return target.href ? <>User <Link href={target.href}><bdi>{target.name}</bdi></Link></> : <>User {target.id}{gone}</>;
    case 'article':
      return target.href ? <>Article <Link href={target.href}>{target.name}</Link></> : <>Article {target.id}{gone}</>;
  }
}
