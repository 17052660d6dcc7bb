// Independent model of a generated thread (from parentIndex alone), to check what the queries return.
import type { NewThreadComment } from '@/lib/ops/seed/insert-article-with-thread';

export type ExpectedThread = {
  /** List indices in display order: depth-first, oldest sibling (lowest index) first. */
  displayOrder: number[];
  roots: number[];
  depth: number[];
  /** Number of comments below each comment, at any depth. */
  descendants: number[];
  /** Indices of the comments each comment answers, root first. */
  ancestors: (index: number) => number[];
};

export function expectThread(thread: readonly NewThreadComment[]): ExpectedThread {
  const children = thread.map((): number[] => []);
  const roots: number[] = [];
  const depth: number[] = [];
  thread.forEach((comment, index) => {
    if (comment.parentIndex === null) {
      roots.push(index);
      depth.push(0);
    } else {
      children[comment.parentIndex]!.push(index);
      depth.push(depth[comment.parentIndex]! + 1);
    }
  });

  const displayOrder: number[] = [];
  const descendants = thread.map(() => 0);
  const visit = (index: number): number => {
    displayOrder.push(index);
    let below = 0;
    for (const child of children[index]!) below += 1 + visit(child);
    descendants[index] = below;
    return below;
  };
  roots.forEach(visit);

  const ancestors = (index: number) => {
    const chain: number[] = [];
    for (let p = thread[index]!.parentIndex; p !== null; p = thread[p]!.parentIndex) chain.unshift(p);
    return chain;
  };
  return { displayOrder, roots, depth, descendants, ancestors };
}
