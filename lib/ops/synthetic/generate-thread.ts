// Generates a large, realistic-shaped thread from a fixed seed, for demos and benchmarks.
import 'server-only';
import { countLabel } from '@/lib/shared/format/count';
import type { NewArticle, NewThreadComment } from '@/lib/ops/seed/insert-article-with-thread';

export type SyntheticThreadOptions = {
  comments: number;
  slug: string;
  seed?: number;
  /** Share of comments that start a new top-level conversation. */
  topLevelShare?: number;
  maxDepth?: number;
  /** The first comment's time; later ones follow a few seconds apart. */
  startsAt?: string;
};

const WORDS = (
  'the a of and to in is that it for on was with as be by this are or his from at which but have an they ' +
  'not were had their one all we there been more if when who will would so what out up about into than ' +
  'government people country election policy reform minister court economy inflation market report source ' +
  'evidence claim question answer point argument history context opinion analysis press article reader ' +
  'comment thread debate vote council budget oil price currency border embassy treaty sanction visit ' +
  'regime opposition protest journalist editor agree disagree think believe remember explain wonder ' +
  'clearly probably frankly honestly exactly really simply perhaps certainly hardly'
).split(' ');

/** mulberry32: small, fast and fully determined by its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateSyntheticThread(options: SyntheticThreadOptions): { article: NewArticle; thread: NewThreadComment[] } {
  const { comments, slug, seed = 20181204, topLevelShare = 0.6, maxDepth = 12 } = options;
  const random = seededRandom(seed);
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const sentence = (words: number) => {
    const picked = Array.from({ length: words }, () => WORDS[integer(0, WORDS.length - 1)]!);
    const text = picked.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };

  const startsAt = Date.parse(options.startsAt ?? '2026-01-01T00:00:00.000Z');
  const depths: number[] = [];
  const parents: (number | null)[] = [];
  const thread: NewThreadComment[] = [];
  for (let index = 0; index < comments; index++) {
    let parentIndex: number | null = null;
    if (index > 0 && random() >= topLevelShare) {
      // Replies favour recent comments: the cube pulls the offset toward zero.
      const window = Math.min(index, 500);
      parentIndex = index - 1 - Math.floor(random() ** 3 * window);
      while (depths[parentIndex]! >= maxDepth) parentIndex = parents[parentIndex]!;
    }
    const depth = parentIndex === null ? 0 : depths[parentIndex]! + 1;
    depths.push(depth);
    parents.push(parentIndex);
    const words = integer(8, 60);
    const firstSentence = Math.min(words, integer(4, 20));
    const body = words - firstSentence >= 4
      ? `${sentence(firstSentence)} ${sentence(words - firstSentence)}`
      : sentence(words);
    thread.push({
      parentIndex,
      authorName: `Reader ${integer(1, Math.max(1, Math.ceil(comments / 8)))}`,
      body,
      status: 'visible',
      createdAt: new Date(startsAt + index * 3000).toISOString(),
    });
  }

  const article: NewArticle = {
    slug,
    title: `Synthetic thread: ${countLabel(comments, 'comment', 'comments')}`,
    photoCredit: null,
    paragraphs: [
      `A generated discussion of ${countLabel(comments, 'comment', 'comments')} (seed ${seed}), for trying the thread and the moderation queue at scale.`,
      'Its comments are made up from a fixed word list; none of them was written by a person.',
    ],
    footer: [],
    publishedOn: (options.startsAt ?? '2026-01-01').slice(0, 10),
  };
  return { article, thread };
}
