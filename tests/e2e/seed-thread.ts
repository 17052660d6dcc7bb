// What the seed thread should look like on the page, derived from the committed capture.
import { readDemoCapture } from '@/lib/ops/seed/demo-captures';
import { parseThreadCapture } from '@/lib/ops/seed/parse-thread-capture';

export const SEED_SLUG = 'from-pyongyang-with-love-autocracies-befriend-autocracies';
export const SEED_TITLE = 'From Pyongyang with Love—Autocracies Befriend Autocracies';

/** Each visible comment's text as the page shows it, with its parent's (null at top level or under a placeholder). */
export function expectedSeedComments() {
  const parsed = parseThreadCapture(readDemoCapture('thread.txt'));
  const textOf = (index: number | null) => {
    const comment = index === null ? undefined : parsed[index];
    return comment && comment.status === 'visible' ? comment.body : null;
  };
  return parsed
    .map((comment, index) => ({ index, ...comment }))
    .filter((comment) => comment.status === 'visible')
    .map((comment) => ({ text: comment.body, parentText: textOf(comment.parentIndex), depth: comment.depth }));
}
