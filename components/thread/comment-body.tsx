// A comment's plain text: paragraphs from blank lines, line breaks kept, http(s) and mailto links, nothing else interpreted.
import { Fragment } from 'react';
import { linkifyText } from '@/lib/shared/format/linkify';

/** A line break followed by one or more blank lines (spaces and tabs allowed on them). */
const PARAGRAPH_BREAK = /\n(?:[ \t]*\n)+/;
/** A lone line break at the start or end of a paragraph: only the first or last can have one. */
const EDGE_LINE_BREAK = /^[ \t]*\n|\n[ \t]*$/g;

function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(PARAGRAPH_BREAK)
    .map((paragraph) => paragraph.replace(EDGE_LINE_BREAK, ''))
    .filter((paragraph) => paragraph.trim() !== '');
}

function Line({ line }: { line: string }) {
  return linkifyText(line).map((segment, index) =>
    segment.kind === 'link' ? (
      <a key={index} href={segment.href} rel="nofollow ugc noopener noreferrer" target="_blank">
        {segment.label}
      </a>
    ) : (
      <Fragment key={index}>{segment.text}</Fragment>
    ),
  );
}

export function CommentBody({ text }: { text: string }) {
  return (
    <div className="comment-body">
      {paragraphsOf(text).map((paragraph, index) => (
        <p key={index} dir="auto">
          {paragraph.split('\n').map((line, lineIndex) => (
            <Fragment key={lineIndex}>
              {lineIndex > 0 && <br />}
              <Line line={line} />
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
