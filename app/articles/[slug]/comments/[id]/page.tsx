import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CommentCard } from '@/components/thread/comment-card';
import { CommentList } from '@/components/thread/comment-list';
import { getDb } from '@/db/client';
import { readCommentSubtree } from '@/lib/queries/thread';
import { buildCommentTree } from '@/lib/thread/build-tree';
import { PAGE_MAX_DEPTH } from '@/lib/thread/limits';
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
  const commentId = /^[1-9]\d{0,14}$/.test(id) ? Number(id) : null;
  if (!article || commentId === null) notFound();
  const subtree = readCommentSubtree(getDb(), article.id, commentId, PAGE_MAX_DEPTH);
  if (!subtree) notFound();

  return (
    <>
      <p className="meta">
        <Link href={`/articles/${article.slug}#comments`}>← {article.title}</Link>
      </p>
      <h1 className="subtree-title">A conversation under this article</h1>
      {subtree.ancestors.length > 0 && (
        <section aria-labelledby="context-heading" className="ancestors">
          <h2 id="context-heading" className="visually-hidden">In reply to</h2>
          <ol className="ancestor-list">
            {subtree.ancestors.map((ancestor) => (
              <li key={ancestor.id}>
                <CommentCard comment={ancestor} slug={article.slug} />
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-label="This comment and its replies" className="thread">
        <CommentList nodes={buildCommentTree(subtree.comments)} slug={article.slug} focusedId={commentId} />
      </section>
    </>
  );
}
