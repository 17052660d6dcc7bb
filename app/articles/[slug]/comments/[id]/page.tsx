import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ThreadView } from '@/components/thread/thread-view';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { commentMaxLength } from '@/lib/comments/comment-max-length';
import { commentBranchResponse } from '@/lib/queries/thread-response';
import { PAGE_MAX_DEPTH } from '@/lib/shared/thread/limits';
import { threadRightsOf } from '@/lib/shared/thread/thread-rights';
import { parseCommentId } from '@/lib/shared/validation/comment-id-param';
import { loadArticle } from '../../load-article';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = loadArticle((await params).slug);
  return { title: article ? `Comment on ${article.title}` : 'Comment not found' };
}

/** One comment with its replies, and the comments it answers as context. */
export default async function CommentThreadPage({ params }: Props) {
  const { slug, id } = await params;
  const article = loadArticle(slug);
  const commentId = parseCommentId(id);
  if (!article || commentId === null) notFound();
  const viewer = await getViewer();
  const initial = commentBranchResponse(getDb(), article, viewer, commentId, PAGE_MAX_DEPTH);
  if (!initial) notFound();
  const path = `/articles/${article.slug}/comments/${commentId}`;

  return (
    <>
      <p className="meta">
        <Link href={`/articles/${article.slug}#comments`}>← {article.title}</Link>
      </p>
      <h1 className="subtree-title">A conversation under this article</h1>
      <ThreadView
        source={{ kind: 'comment', commentId }}
        initial={initial}
        rights={threadRightsOf(viewer)}
        maxLength={commentMaxLength()}
        signInHref={`/signin?${new URLSearchParams({ callbackUrl: path })}`}
      />
    </>
  );
}
