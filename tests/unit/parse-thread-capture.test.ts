// The seed capture's thread, imported as the seed script imports it, plus the parser's edge cases.
import { describe, expect, it } from 'vitest';
import { parseThreadCapture, ThreadCaptureError, type ParsedComment } from '@/lib/ops/seed/parse-thread-capture';
import { onlyWithPrefix, readSeedCapture } from '@/tests/support/seed-captures';

const seed = parseThreadCapture(readSeedCapture('thread.txt'));
const parentOf = (comment: ParsedComment) => (comment.parentIndex === null ? null : seed[comment.parentIndex]!);

/** The whole tree: depth, then the start of the body ('' for the placeholder), in capture order. */
const OUTLINE: [number, string][] = [
  [0, 'Juan, thanks for the background'],
  [1, 'The Russian bomber deployment'],
  [0, 'North Korean art:'],
  [0, 'Ironic that a commie translator'],
  [1, 'For addressing Fearless Leader'],
  [0, 'Certain people who became'],
  [1, '(1): “Ciencia y Tecnología'],
  [0, 'I attended a National Security seminar'],
  [1, 'Kathy, more like “apply the Monroe Doctrine”'],
  [2, 'All other factors aside'],
  [1, '@Kathy: The Monroe Doctrine'],
  [2, ''],
  [3, 'Meh. Who knows.'],
  [2, 'You nailed it.'],
  [3, 'Its all about symbolism with Boris.'],
  [0, 'The Seminar was an all day session'],
  [1, 'I am curious'],
  [2, 'ElGuapo,'],
  [0, 'Hook ‘em Horns Kathy'],
  [1, 'Interesting tidbit'],
  [0, 'Blackjacks, not Backfires.'],
  [0, 'Kim’s grandfather'],
];

const ELGUAPO =
  'ElGuapo,\n' +
  '\n' +
  'I’m trying to send a link that includes syllabus and video of the event. Please bear with me. In a nutshell I felt there was strategic heft in the seminar, but I would very much welcome other opinions. It was a bi-partisan event (though the LBJ School, Clements Center, UT tends to run center right) and heavily attended. I live here, attend many of the lectures and events and find them excellent.\n' +
  '\n' +
  'In a nutshell (gross oversimplification):\n' +
  '* Our National Security future problem (as in—war, superpower) in every conceivable situation is China. We have our heads in the sand and have failed to develop a coherent strategy to address this. Our strategy should be as as inviolate as our Cold War objectives.\n' +
  '* We should be forceful in word and deed with Russia and quit trying to appease, appeal to reason, and only work with them where it is in our interest. The mantra again and again across party lines was “return to the Reagan model.”\n' +
  '* Cyber Security, Cyber Security, Cyber Security.\n' +
  '* Given the above we must update Monroe Doctrine. This is not so much about VZ as it is that Marduro’s selling out VZ future to above requires an ironclad (and yes, enforced) MD.\n' +
  '\n' +
  'If you google Clements you will find a tab for the Texas National Security Forum. I welcome you thoughts.';

const TOP_LEVEL_4 =
  'Certain people who became high-ranking apparatchiks in the Chavista regime expressed their love of North Korea well before El Finado was elected in 1998.Devil’s Excrement: A view into the brain of the “intellectuals” of XXIst. Century Socialism in Venezuela\n' +
  '\n' +
  'To those wondering from what cubbyhole of the retrograde telematic world Jorge Giordani, the current Minister of Finance came from, this is a paper circa 1994, maybe 1996 of which he was an author accompanied by Minister of Higher Education Hector Navarro and former Minister of Health Jesus Montilla if my memory serves me right.\n' +
  '\n' +
  'The paper is entitled something like ” Science and Technology an alternative proposal” and as you will see its interpretation of history speaks for itself.\n' +
  '\n' +
  '“But all of a sudden the USSR desintegrated and among the diverse causes of having copied the functional science of the West and not put it at the service of the economy and the basic needs of the population.(sic, what does this sentence say?) Eastern Europe abandoned the route to socialism imposed and now its new rulers tried to impose a market economy. The recent industrial and technological advance of Japan-based on the massive copying of advance technology, a competitive and technocratic education and the harsh treatment of the worker, which is the reason why it can not be a model of high quality of life, but has been imitated later by other Asian countries, presenting themselves today as another neoliberal development style. Socialism maintains itself, with great efforts, in China, where it could end with centuries of hunger and misery, in North Korea which, although isolated and solitary, has managed to have a solid economy (!!!), as well as in Latin America itself, in Cuba, with 30 years of an inhuman economic blockade , but whose achievements in health, education, science and culture are a spine that bothers the power of the North.”\n' +
  '\n' +
  'There you have it, this is the intellectual depth of analysis of the world situation by Giordani et al. in 1994. A post (any post!!!) in Quico’s, Daniel’s or my blog has more “intellectual” content that this pamphlet. Note that the North Korean famine began in 1995 and lasted until 1997, so much for the “solid” economy of that country. As for Chinese “socialism”. I think I don’t have to explain myself.\n' +
  '\n' +
  'This is what the “minds” of Chavismo that control the country’s economy today were thinking 15-16 years ago. Clearly their view of the world is as out of phase today, as it was at the time.\n' +
  '\n' +
  'Courtesy of the cut-and-paste brigade.\n' +
  '\n' +
  'Years ago, most likely after reading Miguel Octavio’s above article, I had located an online Spanish-language copy of that Giordani-Navarro-Montilla article on North Korea, but at present don’t know where I located it.\n' +
  '\n' +
  'Jorge Giordani was Planning Minister for all but two years from 1999-2014.\n' +
  'Héctor Navarro: 5 veces ministro en 13 años. (5 times minister in 13 years)';

const INTERESTING_TIDBIT =
  'Interesting tidbit: 2-3 high tech companies have given China their “Codes” which give them access to the technology in return for accessing Chinese markets. That is a nightmare for our Nat’l Security as those codes affect our DoD. I found one to be IBM but can’t locate others. They intelligence community is incensed and are struggling with how to put that genie back in the bottle.\n' +
  'Hook ‘em, ASA! Young son was recent UT grad and got me “hooked” on the Clements/LBJ lectures. First class school, IMHO.';

const TOP_LEVEL_2 =
  'North Korean art: large, realistic paintings of fat chickens. Priceless.\n' +
  '\n' +
  'Great post as always. I didn’t know North Korea had such a long history of diplomacy-by-kidnapping.';

describe('parseThreadCapture on db/seed/thread.txt', () => {
  it('finds 9 top-level comments, 12 visible replies and 1 placeholder', () => {
    expect(seed).toHaveLength(22);
    expect(seed.filter((c) => c.depth === 0)).toHaveLength(9);
    expect(seed.filter((c) => c.depth > 0 && c.status === 'visible')).toHaveLength(12);
    expect(seed.filter((c) => c.status === 'unavailable')).toHaveLength(1);
  });

  it('gives every comment the depth and the parent the capture shows', () => {
    expect(seed.map((c, i) => [c.depth, c.body.slice(0, OUTLINE[i]?.[1].length ?? 0)])).toEqual(OUTLINE);
    seed.forEach((comment, index) => {
      // The parent is the nearest earlier comment one level up, and top-level comments have none.
      const expected = comment.depth === 0 ? null : seed.slice(0, index).findLastIndex((c) => c.depth === comment.depth - 1);
      expect(comment.parentIndex, `comment ${index}`).toBe(expected);
    });
  });

  it('hangs the replies under the comments they answer', () => {
    const kathy = onlyWithPrefix(seed, '@Kathy: The Monroe Doctrine');
    expect(kathy.depth).toBe(1);
    expect(parentOf(kathy)!.body).toMatch(/^I attended a National Security seminar/);

    const meh = onlyWithPrefix(seed, 'Meh. Who knows.');
    const placeholder = parentOf(meh)!;
    expect(meh.depth).toBe(3);
    expect(placeholder).toEqual({ depth: 2, parentIndex: seed.indexOf(kathy), body: '', status: 'unavailable' });
    expect(parentOf(placeholder)).toBe(kathy);

    const nailed = onlyWithPrefix(seed, 'You nailed it.');
    expect(nailed.depth).toBe(2);
    expect(parentOf(nailed)).toBe(kathy);

    const elGuapo = onlyWithPrefix(seed, 'ElGuapo,');
    expect(elGuapo.depth).toBe(2);
    expect(parentOf(elGuapo)).toBe(onlyWithPrefix(seed, 'I am curious'));
  });

  it('keeps paragraphs, lines within a paragraph and "* " list lines exactly', () => {
    expect(onlyWithPrefix(seed, 'ElGuapo,').body).toBe(ELGUAPO);
    expect(seed.filter((c) => c.depth === 0)[3]!.body).toBe(TOP_LEVEL_4);
    expect(onlyWithPrefix(seed, 'Interesting tidbit').body).toBe(INTERESTING_TIDBIT);
    expect(seed.filter((c) => c.depth === 0)[1]!.body).toBe(TOP_LEVEL_2);
  });

  it('stops at the comment form that follows the thread', () => {
    expect(seed.at(-1)!.body).toBe(
      'Kim’s grandfather had ambitions for the Western Hemisphere seen with North Korean presence in Grenada.\n' +
      '\n' +
      'Young Kim is certainly following in grandfather’s footsteps. His grandfather would be proud of him IMO',
    );
    expect(seed.some((c) => c.body.includes('Please enter'))).toBe(false);
  });
});

describe('parseThreadCapture on small captures', () => {
  it('reads CRLF line endings like LF ones', () => {
    const parsed = parseThreadCapture('  1. First line\r\n    still first\r\n\r\n    Second paragraph\r\n\r\n    • A reply\r\n');
    expect(parsed).toEqual([
      { depth: 0, parentIndex: null, status: 'visible', body: 'First line\nstill first\n\nSecond paragraph' },
      { depth: 1, parentIndex: 0, status: 'visible', body: 'A reply' },
    ]);
  });

  it('fills two missing levels with two placeholders', () => {
    const parsed = parseThreadCapture('  1. Top\n\n        • Three levels down\n\n    • Back at one\n');
    expect(parsed).toEqual([
      { depth: 0, parentIndex: null, status: 'visible', body: 'Top' },
      { depth: 1, parentIndex: 0, status: 'unavailable', body: '' },
      { depth: 2, parentIndex: 1, status: 'unavailable', body: '' },
      { depth: 3, parentIndex: 2, status: 'visible', body: 'Three levels down' },
      { depth: 1, parentIndex: 0, status: 'visible', body: 'Back at one' },
    ]);
  });

  it('refuses a top-level number out of sequence, naming the line', () => {
    const parse = () => parseThreadCapture('  1. One\n\n  3. Three\n');
    expect(parse).toThrow(ThreadCaptureError);
    expect(parse).toThrow(/^Thread capture line 3: expected top-level comment 2, found 3$/);
  });

  it('refuses a continuation line at the wrong indent, naming the line', () => {
    const parse = () => parseThreadCapture('  1. One\n\n    • Reply\n\n    back at the parent\'s indent\n');
    expect(parse).toThrow(ThreadCaptureError);
    expect(parse).toThrow(/^Thread capture line 5: text indented 4 spaces .* \(expected 6\)$/);
  });

  it('does not import text at column 0 after the thread', () => {
    const parsed = parseThreadCapture('  1. Only comment\n\nPlease enter your comment!\n    • not a reply\n');
    expect(parsed).toEqual([{ depth: 0, parentIndex: null, status: 'visible', body: 'Only comment' }]);
  });
});
