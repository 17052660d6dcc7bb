// The synthetic thread generator: reproducible, and shaped like a real discussion.
import { describe, expect, it } from 'vitest';
import { generateSyntheticThread } from '@/lib/ops/synthetic/generate-thread';
import { expectThread } from '@/tests/support/expected-thread';

const COMMENTS = 20_000;
const { thread } = generateSyntheticThread({ comments: COMMENTS, slug: 'synthetic-test' });
const { depth } = expectThread(thread);

describe('generateSyntheticThread', () => {
  it('gives the same thread for the same seed and another for another seed', () => {
    const a = generateSyntheticThread({ comments: 500, slug: 's', seed: 42 });
    const b = generateSyntheticThread({ comments: 500, slug: 's', seed: 42 });
    const c = generateSyntheticThread({ comments: 500, slug: 's', seed: 43 });
    expect(b).toEqual(a);
    expect(c.thread.map((x) => x.body)).not.toEqual(a.thread.map((x) => x.body));
    expect(c.thread.map((x) => x.parentIndex)).not.toEqual(a.thread.map((x) => x.parentIndex));
  });

  it('makes the requested number of comments, about 60% of them top-level', () => {
    expect(thread).toHaveLength(COMMENTS);
    const share = thread.filter((c) => c.parentIndex === null).length / COMMENTS;
    expect(share).toBeGreaterThanOrEqual(0.55);
    expect(share).toBeLessThanOrEqual(0.65);
  });

  it('nests at least 8 and at most 12 levels deep', () => {
    const deepest = Math.max(...depth);
    expect(deepest).toBeGreaterThanOrEqual(8);
    expect(deepest).toBeLessThanOrEqual(12);
  });

  it('writes bodies of 8 to 60 words', () => {
    for (const [index, comment] of thread.entries()) {
      const words = comment.body.split(/\s+/).filter(Boolean).length;
      if (words < 8 || words > 60) expect.fail(`comment ${index} has ${words} words: ${comment.body}`);
    }
  });

  it('lists every parent before its replies, with times in list order', () => {
    for (const [index, comment] of thread.entries()) {
      if (comment.parentIndex !== null && !(comment.parentIndex >= 0 && comment.parentIndex < index)) {
        expect.fail(`comment ${index} answers comment ${comment.parentIndex}`);
      }
      if (index > 0 && !(comment.createdAt > thread[index - 1]!.createdAt)) expect.fail(`comment ${index} is not later than ${index - 1}`);
    }
  });
});
