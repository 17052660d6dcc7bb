// Links in a reader's plain text: which runs become links, where they end, and that no text is lost.
import { describe, expect, it } from 'vitest';
import { linkifyText, type TextSegment } from '@/lib/shared/format/linkify';

const text = (value: string): TextSegment => ({ kind: 'text', text: value });
/** A link as typed, reading as `label` (the typed text unless its host is shown in ASCII). */
const link = (value: string, href: string, label = value): TextSegment => ({ kind: 'link', text: value, href, label });

describe('linkifyText', () => {
  it('leaves text without links as one text segment, and empty text as none', () => {
    expect(linkifyText('Just an opinion, no links.')).toEqual([text('Just an opinion, no links.')]);
    expect(linkifyText('')).toEqual([]);
  });

  it('links http, https and mailto, with the typed text and the normalised href', () => {
    expect(linkifyText('http://example.com')).toEqual([link('http://example.com', 'http://example.com/')]);
    expect(linkifyText('see https://example.com/a?b=c#d now')).toEqual([
      text('see '),
      link('https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'),
      text(' now'),
    ]);
    expect(linkifyText('write to mailto:editor@example.com')).toEqual([
      text('write to '),
      link('mailto:editor@example.com', 'mailto:editor@example.com'),
    ]);
  });

  it('accepts the scheme in any letter case, but only ASCII letters', () => {
    expect(linkifyText('HTTPS://Example.COM/Path')).toEqual([link('HTTPS://Example.COM/Path', 'https://example.com/Path')]);
    expect(linkifyText('HtTp://x.y')).toEqual([link('HtTp://x.y', 'http://x.y/')]);
    expect(linkifyText('MAILTO:a@b.c')).toEqual([link('MAILTO:a@b.c', 'mailto:a@b.c')]);
    // "ſ" (long s) case-folds to "s" in Unicode-aware case-insensitive matching.
    expect(linkifyText('httpſ://x.y')).toEqual([text('httpſ://x.y')]);
  });

  it('leaves sentence punctuation after a link out of it', () => {
    for (const mark of ['.', ',', ';', ':', '!', '?', "'", '"', '...', '?!', '.)', '":']) {
      expect(linkifyText(`Read https://example.com/story${mark} Then`)).toEqual([
        text('Read '),
        link('https://example.com/story', 'https://example.com/story'),
        text(`${mark} Then`),
      ]);
    }
    expect(linkifyText('mailto:a@b.c.')).toEqual([link('mailto:a@b.c', 'mailto:a@b.c'), text('.')]);
    // Typographic quotes, the ellipsis and CJK full-width marks too.
    for (const mark of ['\u2019', '\u201D', '\u00BB', '\u203A', '\u2026', '\u3002', '\u3001', '\uFF0C', '\uFF01', '\uFF1F']) {
      expect(linkifyText(`https://x.y/z${mark}`)).toEqual([link('https://x.y/z', 'https://x.y/z'), text(mark)]);
    }
    // Inside the link the same punctuation stays.
    expect(linkifyText('https://example.com/a.b,c;d:e!f?g')).toEqual([
      link('https://example.com/a.b,c;d:e!f?g', 'https://example.com/a.b,c;d:e!f?g'),
    ]);
  });

  it('keeps a closing bracket that closes one inside the link, and drops one that does not', () => {
    expect(linkifyText('https://en.wikipedia.org/wiki/Foo_(bar)')).toEqual([
      link('https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)'),
    ]);
    expect(linkifyText('(see https://example.com)')).toEqual([
      text('(see '),
      link('https://example.com', 'https://example.com/'),
      text(')'),
    ]);
    expect(linkifyText('(https://en.wikipedia.org/wiki/Foo_(bar)).')).toEqual([
      text('('),
      link('https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)'),
      text(').'),
    ]);
    expect(linkifyText('[https://example.com/a[1]]')).toEqual([
      text('['),
      link('https://example.com/a[1]', 'https://example.com/a[1]'),
      text(']'),
    ]);
    expect(linkifyText('{https://example.com/}')).toEqual([
      text('{'),
      link('https://example.com/', 'https://example.com/'),
      text('}'),
    ]);
  });

  it('ends a link at <, > and a double quote', () => {
    expect(linkifyText('<https://x.y>')).toEqual([text('<'), link('https://x.y', 'https://x.y/'), text('>')]);
    expect(linkifyText('https://a.b/"onmouseover="x')).toEqual([
      link('https://a.b/', 'https://a.b/'),
      text('"onmouseover="x'),
    ]);
    expect(linkifyText('"https://a.b/c"')).toEqual([text('"'), link('https://a.b/c', 'https://a.b/c'), text('"')]);
    expect(linkifyText('https://a.b/<script>')).toEqual([link('https://a.b/', 'https://a.b/'), text('<script>')]);
  });

  it('ends a link at whitespace', () => {
    expect(linkifyText('https://exa mple')).toEqual([link('https://exa', 'https://exa/'), text(' mple')]);
    expect(linkifyText('https://a.b\tx\nhttps://c.d\u00a0y')).toEqual([
      link('https://a.b', 'https://a.b/'),
      text('\tx\n'),
      link('https://c.d', 'https://c.d/'),
      text('\u00a0y'),
    ]);
  });

  it('ends a link at invisible control and format characters such as bidi overrides', () => {
    expect(linkifyText('https://a.b/x\u202Efdp.exe')).toEqual([link('https://a.b/x', 'https://a.b/x'), text('\u202Efdp.exe')]);
    expect(linkifyText('https://a.b/x\u200By')).toEqual([link('https://a.b/x', 'https://a.b/x'), text('\u200By')]);
    expect(linkifyText('https://a.b/x\u0000y')).toEqual([link('https://a.b/x', 'https://a.b/x'), text('\u0000y')]);
  });

  it('leaves every other scheme as text', () => {
    for (const value of [
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'ftp://example.com/file',
      'file:///etc/passwd',
      'about:blank',
      'tel:+15555550100',
      'www.example.com',
    ]) {
      expect(linkifyText(value)).toEqual([text(value)]);
    }
  });

  it('does not start a link inside a longer scheme, after another scheme or inside a path', () => {
    // Decision: a scheme must not follow a letter, digit, mark, "_", "+", "-", ".", ":" or "/",
    // so none of these contain a link at all, not even the http URL at their end.
    for (const value of [
      'javascript:http://x.y',
      'javascript:https://x.y',
      'javascript:alert(1)//https://x.y',
      'xhttps://x.y',
      'xhttp://x.y',
      'éhttp://x.y',
      '1https://x.y',
      '_https://x.y',
      'foo+https://x.y',
      'a-https://x.y',
      'a.https://x.y',
      'xmailto:a@b.c',
    ]) {
      expect(linkifyText(value)).toEqual([text(value)]);
    }
    // After other punctuation or a space, the real http URL is a link, and only it.
    expect(linkifyText('javascript: https://x.y')).toEqual([text('javascript: '), link('https://x.y', 'https://x.y/')]);
    expect(linkifyText('data:text/html,https://x.y')).toEqual([text('data:text/html,'), link('https://x.y', 'https://x.y/')]);
    expect(linkifyText('«https://x.y»')).toEqual([text('«'), link('https://x.y', 'https://x.y/'), text('»')]);
  });

  it('leaves a scheme with nothing usable after it as text', () => {
    for (const value of ['http://', 'https://', 'https://.', 'http:// example.com', 'mailto:', 'mailto:.', 'https:', 'http:/x.y']) {
      expect(linkifyText(value)).toEqual([text(value)]);
    }
    expect(linkifyText('(http://)')).toEqual([text('(http://)')]);
  });

  it('leaves URLs that do not parse, or whose host or credentials could mislead, as text', () => {
    for (const value of [
      'http://x.y:99999',
      'https://[::1',
      'https://xn--',
      'https://a.com,https://b.com',
      'https://bank.example@evil.example/login',
      'https://user:password@example.com',
    ]) {
      expect(linkifyText(value)).toEqual([text(value)]);
    }
  });

  it('links Unicode hosts and paths, with the punycode and percent-encoded href', () => {
    expect(linkifyText('https://bücher.de/ä?q=ü')).toEqual([
      link('https://bücher.de/ä?q=ü', 'https://xn--bcher-kva.de/%C3%A4?q=%C3%BC'),
    ]);
    expect(linkifyText('見て https://例え.テスト/パス。')).toEqual([
      text('見て '),
      link('https://例え.テスト/パス', 'https://xn--r8jz45g.xn--zckzah/%E3%83%91%E3%82%B9'),
      text('。'),
    ]);
    expect(linkifyText('https://[2001:db8::1]:8080/x')).toEqual([link('https://[2001:db8::1]:8080/x', 'https://[2001:db8::1]:8080/x')]);
  });

  it('shows a host that could pass for another in ASCII (punycode), keeping what was typed around it and the real href', () => {
    // A Cyrillic а in a Latin name: the label mixes scripts.
    expect(linkifyText('Sign in: https://\u0430pple.com/login.')).toEqual([
      text('Sign in: '),
      link('https://\u0430pple.com/login', 'https://xn--pple-43d.com/login', 'https://xn--pple-43d.com/login'),
      text('.'),
    ]);
    // Every letter but the l Cyrillic (р а у р а), and every letter Cyrillic (а р р ӏ е) under a Latin TLD.
    expect(linkifyText('https://\u0440\u0430\u0443\u0440\u0430l.com')).toEqual([
      link('https://\u0440\u0430\u0443\u0440\u0430l.com', 'https://xn--l-7sba6dbr.com/', 'https://xn--l-7sba6dbr.com'),
    ]);
    expect(linkifyText('https://\u0430\u0440\u0440\u04CF\u0435.com')).toEqual([
      link('https://\u0430\u0440\u0440\u04CF\u0435.com', 'https://xn--80ak6aa92e.com/', 'https://xn--80ak6aa92e.com'),
    ]);
    // A Greek ο, and upper case, which IDNA folds.
    expect(linkifyText('HTTPS://G\u039FOGLE.COM/')).toEqual([link('HTTPS://G\u039FOGLE.COM/', 'https://xn--gogle-rce.com/', 'HTTPS://xn--gogle-rce.com/')]);
    // Port, path, query and fragment stay as typed; only the host changes.
    expect(linkifyText('https://\u0430pple.com:8443/a/b?c=d#e')).toEqual([
      link('https://\u0430pple.com:8443/a/b?c=d#e', 'https://xn--pple-43d.com:8443/a/b?c=d#e', 'https://xn--pple-43d.com:8443/a/b?c=d#e'),
    ]);
    // Subdomains, a trailing dot, the skipped slashes and an empty user part.
    expect(linkifyText('https://login.\u0430pple.com./x')).toEqual([
      link('https://login.\u0430pple.com./x', 'https://login.xn--pple-43d.com./x', 'https://login.xn--pple-43d.com./x'),
    ]);
    expect(linkifyText('https:///\u0430pple.com')).toEqual([link('https:///\u0430pple.com', 'https://xn--pple-43d.com/', 'https:///xn--pple-43d.com')]);
    expect(linkifyText('https://@\u0430pple.com')).toEqual([link('https://@\u0430pple.com', 'https://xn--pple-43d.com/', 'https://@xn--pple-43d.com')]);
    // A slash lookalike (the fraction slash) and a percent-encoded Cyrillic а.
    expect(linkifyText('https://example.com\u2044evil.com')).toEqual([
      link('https://example.com\u2044evil.com', 'https://example.xn--comevil-3d7c.com/', 'https://example.xn--comevil-3d7c.com'),
    ]);
    expect(linkifyText('https://%D0%B0pple.com')).toEqual([link('https://%D0%B0pple.com', 'https://xn--pple-43d.com/', 'https://xn--pple-43d.com')]);
  });

  it('shows a host wholly in one script, or typed as punycode, as it reads', () => {
    for (const [typed, href] of [
      ['https://xn--pple-43d.com/login', 'https://xn--pple-43d.com/login'],
      ['https://XN--80AK6AA92E.com', 'https://xn--80ak6aa92e.com/'],
      ['https://пример.рф/новости', 'https://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8'],
      ['https://例え.jp:8080/', 'https://xn--r8jz45g.jp:8080/'],
      ['https://ソニーsony.jp', 'https://xn--sony-fo4c6cxq.jp/'],
      ['https://παράδειγμα.ελ', 'https://xn--hxajbheg2az3al.xn--qxam/'],
      ['https://bücher.de', 'https://xn--bcher-kva.de/'],
      ['https://ａｐｐｌｅ.com', 'https://apple.com/'],
    ]) {
      expect(linkifyText(typed!), typed).toEqual([link(typed!, href!)]);
    }
    // A mailto address is shown as typed: the mail program shows where it really goes.
    expect(linkifyText('mailto:a@\u0430pple.com')).toEqual([link('mailto:a@\u0430pple.com', 'mailto:a@%D0%B0pple.com')]);
  });

  it('percent-encodes what could break out of an attribute in the href, never in the text', () => {
    expect(linkifyText("https://a.b/it's`{x}`")).toEqual([link("https://a.b/it's`{x}`", "https://a.b/it's%60%7Bx%7D%60")]);
  });

  it('finds several links in one line', () => {
    expect(linkifyText('Compare https://a.example/1, http://b.example/2 and mailto:c@d.example; done')).toEqual([
      text('Compare '),
      link('https://a.example/1', 'https://a.example/1'),
      text(', '),
      link('http://b.example/2', 'http://b.example/2'),
      text(' and '),
      link('mailto:c@d.example', 'mailto:c@d.example'),
      text('; done'),
    ]);
    expect(linkifyText('https://a.b https://c.d')).toEqual([
      link('https://a.b', 'https://a.b/'),
      text(' '),
      link('https://c.d', 'https://c.d/'),
    ]);
  });

  it('merges text around a candidate that is not a link into one segment', () => {
    expect(linkifyText('a http:// b javascript:x c')).toEqual([text('a http:// b javascript:x c')]);
    expect(linkifyText('x http:// https://ok.example')).toEqual([text('x http:// '), link('https://ok.example', 'https://ok.example/')]);
  });

  it('gives back the input exactly when the segments are joined, with no empty or adjacent text segments', () => {
    const pieces = [
      '',
      ' ',
      '\n',
      '\r\n',
      'http://',
      'https://example.com',
      'HTTPS://EXAMPLE.COM/',
      'mailto:a@b.c',
      'mailto:',
      'javascript:alert(1)',
      'xhttp://x.y',
      '(',
      ')',
      '[',
      ']',
      '<',
      '>',
      '"',
      "'",
      '.',
      ',',
      '?!',
      ':',
      '/',
      '_(x)',
      'é',
      '例え',
      '\u202E',
      '\u200B',
      '\uD800',
      '\uDFFF',
      '\u{1F600}',
      'https://a_(b)).',
      'https://[::1]',
      'https://a@b.c',
      '&amp;',
      '<script>',
    ];
    const inputs: string[] = [];
    for (const a of pieces) for (const b of pieces) for (const c of ['', ' ', 'x', 'https://q.example/']) inputs.push(a + b + c + a);
    for (let seed = 1; inputs.length < 6000; seed++) {
      // A small deterministic generator, so a failure can be reproduced.
      let state = seed;
      const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 1);
      let value = '';
      for (let i = next() % 8; i >= 0; i--) value += pieces[next() % pieces.length];
      inputs.push(value);
    }

    let links = 0;
    for (const input of inputs) {
      const segments = linkifyText(input);
      expect(segments.map((segment) => segment.text).join(''), JSON.stringify(input)).toBe(input);
      segments.forEach((segment, index) => {
        expect(segment.text, JSON.stringify(input)).not.toBe('');
        if (segment.kind === 'text') expect(segments[index + 1]?.kind, JSON.stringify(input)).not.toBe('text');
        else {
          links++;
          expect(new URL(segment.href).href).toBe(segment.href);
          expect(['http:', 'https:', 'mailto:']).toContain(new URL(segment.href).protocol);
          expect(segment.href).not.toMatch(/[\s"<>`]/);
          // What the link reads as is the typed text, or that text with its host in ASCII.
          if (segment.label !== segment.text) expect(new URL(segment.label).hostname).toBe(new URL(segment.href).hostname);
        }
      });
    }
    expect(links).toBeGreaterThan(1000);
  });
});
