// Nested comments as nested lists, so depth shows by indentation and to screen readers.
import { countLabel } from '@/lib/shared/format/count';
import type { ThreadComment } from '@/lib/shared/thread/merge-local-comments';
import type { CommentNode } from '@/lib/shared/thread/types';
import { CommentCard } from './comment-card';
import { commentPermalink } from './comment-meta';

type ThreadNode = CommentNode<ThreadComment>;

export function CommentList({ nodes, slug, focusedId }: { nodes: ThreadNode[]; slug: string; focusedId?: number }) {
  return (
    <ol className="comment-list">
      {nodes.map((node) => (
        <li key={node.id} className="comment-item">
          <CommentCard comment={node} focused={node.id === focusedId} />
          {node.replies.length > 0 ? (
            // Native disclosure: collapses with or without JavaScript.
            <details className="replies" open>
              <summary>
                <span className="when-open">Collapse</span>
                <span className="when-closed">Expand ({countLabel(node.replyCount, 'reply', 'replies')} hidden)</span>
              </summary>
              <CommentList nodes={node.replies} slug={slug} focusedId={focusedId} />
            </details>
          ) : node.replyCount > 0 ? (
            <a className="continue-thread" href={commentPermalink(slug, node.id)}>
              Continue this thread ({countLabel(node.replyCount, 'reply', 'replies')})
            </a>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
