// Parses a plain-text article capture: title, photo credit, one paragraph a line, then site chrome.
import 'server-only';

export type ParsedArticle = {
  title: string;
  photoCredit: string | null;
  paragraphs: string[];
  /** Lines of site chrome (the donation appeal) that followed the body; never part of it. */
  footer: string[];
};

export type ArticleCaptureOptions = {
  /** The first line of the site's footer; it and everything after it are chrome, not article. */
  footerStartsWith?: string;
};

export function parseArticleCapture(text: string, options: ArticleCaptureOptions = {}): ParsedArticle {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const [title = '', credit = '', ...rest] = lines;
  if (!title.trim()) throw new Error('Article capture: line 1 (the title) is empty');

  const footerStart = options.footerStartsWith
    ? rest.findIndex((line) => line.startsWith(options.footerStartsWith!))
    : -1;
  const bodyLines = footerStart === -1 ? rest : rest.slice(0, footerStart);
  const footerLines = footerStart === -1 ? [] : rest.slice(footerStart);

  const paragraphs = bodyLines.filter((line) => line.trim() !== '');
  if (paragraphs.length === 0) throw new Error('Article capture: the body has no paragraphs');

  return {
    title,
    photoCredit: credit.trim() === '' ? null : credit,
    paragraphs,
    footer: footerLines.filter((line) => line.trim() !== ''),
  };
}
