// The seed article capture: title, credit and body kept, the site's donation appeal set apart.
import { describe, expect, it } from 'vitest';
import { parseArticleCapture } from '@/lib/ops/seed/parse-article-capture';
import { readSeedCapture } from '@/tests/support/seed-captures';

const FOOTER_START = 'Caracas Chronicles is 100% reader-supported';
const capture = readSeedCapture('article.txt');
const article = parseArticleCapture(capture, { footerStartsWith: FOOTER_START });
const lines = capture.split('\n');
const footerLine = lines.findIndex((line) => line.startsWith(FOOTER_START));

describe('parseArticleCapture on db/seed/article.txt', () => {
  it('reads the title and the photo credit from the first two lines', () => {
    expect(article.title).toBe('From Pyongyang with Love—Autocracies Befriend Autocracies');
    expect(article.photoCredit).toBe('Photo: Noticias Barquisimeto retrieved');
  });

  it('keeps the first and last body paragraphs exactly', () => {
    expect(article.paragraphs[0]).toBe(
      'Kim Yong-nam, president of the North Korean Supreme Popular Assembly (SPA) visited Caracas a couple weeks ago, ' +
        'as part of a Latin American tour that also took him to Cuba and to Andrés Manuel López Obrador’s swearing in ' +
        'as the new president of Mexico. The visit is the most solid evidence of the recent improvement between both ' +
        'countries’ relations. As the head of the SPA, he’s the second most powerful individual in the country, only ' +
        'behind Supreme Leader Kim Jong-un.',
    );
    expect(article.paragraphs.at(-1)).toBe('A transition already well underway and that would make Kim Il-Sung proud.');
  });

  it('has one paragraph for each non-empty line from line 3 up to the footer', () => {
    expect(footerLine).toBeGreaterThan(2);
    const bodyLines = lines.slice(2, footerLine).filter((line) => line.trim() !== '');
    expect(article.paragraphs).toEqual(bodyLines);
    expect(article.paragraphs).toHaveLength(16);
  });

  it('moves the donation appeal out of the body into the footer', () => {
    expect(article.footer[0]).toBe('Caracas Chronicles is 100% reader-supported.');
    expect(article.footer.at(-1)).toBe('Donate');
    expect(article.footer).toEqual(lines.slice(footerLine).filter((line) => line.trim() !== ''));
    expect(article.paragraphs.some((p) => p.includes('reader-supported') || p === 'Donate')).toBe(false);
  });

  it('keeps everything in the body when no footer start is given', () => {
    const whole = parseArticleCapture(capture);
    expect(whole.footer).toEqual([]);
    expect(whole.paragraphs.at(-1)).toBe('Donate');
  });
});
