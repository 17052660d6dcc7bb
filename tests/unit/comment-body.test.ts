// A comment's text as markup: shown literally, paragraphs and line breaks kept, only safe links made.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentBody } from '@/components/thread/comment-body';

const render = (text: string) => renderToStaticMarkup(createElement(CommentBody, { text }));
const body = (...paragraphs: string[]) => `<div class="comment-body">${paragraphs.map((p) => `<p dir="auto">${p}</p>`).join('')}</div>`;
const REL = 'rel="nofollow ugc noopener noreferrer" target="_blank"';

describe('CommentBody', () => {
  it('shows markup, markdown, script URLs and entities as the text they are', () => {
    const html = render(
      [
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '[x](javascript:alert(1))',
        'javascript:alert(1)',
        '&amp; &lt;b&gt;',
      ].join('\n'),
    );
    expect(html).toBe(
      body(
        [
          '&lt;script&gt;alert(1)&lt;/script&gt;',
          '&lt;img src=x onerror=alert(1)&gt;',
          '[x](javascript:alert(1))',
          'javascript:alert(1)',
          '&amp;amp; &amp;lt;b&amp;gt;',
        ].join('<br/>'),
      ),
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<[^>]*\sonerror=/);
    expect(html).not.toContain('<a');
    expect(html).not.toContain('href="javascript:');
  });

  it('makes paragraphs from blank lines and <br/> from single line breaks', () => {
    expect(render('one\ntwo\n\nthree')).toBe(body('one<br/>two', 'three'));
    expect(render('only')).toBe(body('only'));
  });

  it('makes one paragraph break from a run of blank lines, even with spaces, tabs or CRLF on them', () => {
    expect(render('a\n\n\n\nb')).toBe(body('a', 'b'));
    expect(render('a\n \t\n\n  \nb')).toBe(body('a', 'b'));
    expect(render('a\r\n\r\n\r\nb\r\nc')).toBe(body('a', 'b<br/>c'));
  });

  it('never renders an empty paragraph or a leading or trailing line break', () => {
    expect(render('\n\n\na\n\n\n')).toBe(body('a'));
    expect(render('\na\n')).toBe(body('a'));
    expect(render('a\n\n \t \n\nb')).toBe(body('a', 'b'));
    expect(render('')).toBe('<div class="comment-body"></div>');
    expect(render('\n \n')).toBe('<div class="comment-body"></div>');
  });

  it('gives every paragraph dir="auto" so right-to-left text and bidi controls stay inside it', () => {
    const html = render('مرحبا بالعالم\n\nhello \u202Eevil\n\n\u05E9\u05DC\u05D5\u05DD');
    expect(html).toBe(body('مرحبا بالعالم', 'hello \u202Eevil', '\u05E9\u05DC\u05D5\u05DD'));
    expect(html.match(/<p\b[^>]*>/g)).toEqual(['<p dir="auto">', '<p dir="auto">', '<p dir="auto">']);
  });

  it('links http(s) and mailto URLs with exactly rel="nofollow ugc noopener noreferrer"', () => {
    expect(render('Source: https://example.com/story. Mail mailto:ed@example.com\nthen (see http://b.example)')).toBe(
      body(
        `Source: <a href="https://example.com/story" ${REL}>https://example.com/story</a>. ` +
          `Mail <a href="mailto:ed@example.com" ${REL}>mailto:ed@example.com</a>` +
          `<br/>then (see <a href="http://b.example/" ${REL}>http://b.example</a>)`,
      ),
    );
  });

  it('uses the normalised href, so quotes and angle brackets cannot leave the attribute', () => {
    expect(render('https://x.y/a?b=1&c="2" onmouseover=alert(1)')).toBe(
      body(`<a href="https://x.y/a?b=1&amp;c=" ${REL}>https://x.y/a?b=1&amp;c=</a>&quot;2&quot; onmouseover=alert(1)`),
    );
    expect(render("<https://x.y/it's>")).toBe(body(`&lt;<a href="https://x.y/it&#x27;s" ${REL}>https://x.y/it&#x27;s</a>&gt;`));
    expect(render('HTTPS://Bücher.example/ä')).toBe(
      body(`<a href="https://xn--bcher-kva.example/%C3%A4" ${REL}>HTTPS://Bücher.example/ä</a>`),
    );
  });

  it('never links another scheme', () => {
    const html = render('javascript:http://x.y data:text/html,<b>x</b> vbscript:x ftp://x.y xhttps://x.y');
    expect(html).toBe(body('javascript:http://x.y data:text/html,&lt;b&gt;x&lt;/b&gt; vbscript:x ftp://x.y xhttps://x.y'));
  });
});
