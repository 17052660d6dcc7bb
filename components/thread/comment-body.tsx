// A comment's plain text: paragraphs from blank lines, line breaks kept, nothing interpreted.
import { Fragment } from 'react';

export function CommentBody({ text }: { text: string }) {
  return (
    <div className="comment-body">
      {text.split('\n\n').map((paragraph, index) => (
        <p key={index}>
          {paragraph.split('\n').map((line, lineIndex) => (
            <Fragment key={lineIndex}>
              {lineIndex > 0 && <br />}
              {line}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
