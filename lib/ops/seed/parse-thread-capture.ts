// Parses the comment thread of a plain-text capture into a flat list in capture order.
//
// Layout (see db/seed/README.md): a top-level comment starts with "  N. ", a reply with "• " indented
// two spaces per depth (four for depth 1). Further paragraphs sit two spaces deeper than the
// comment's first line and are separated by blank lines; a paragraph may span several lines.
import 'server-only';

export type ParsedComment = {
  depth: number;
  /** Index into the returned list, or null at top level. */
  parentIndex: number | null;
  body: string;
  /** `unavailable` marks a placeholder for a comment the capture left out but whose replies it shows. */
  status: 'visible' | 'unavailable';
};

type Draft = Omit<ParsedComment, 'body'> & {
  index: number;
  contentIndent: number;
  paragraphs: string[][];
  line: number;
};

const TOP_LEVEL = /^ {2}(\d+)\. (.*)$/;
const REPLY = /^((?: {2})+) {2}• (.*)$/;

export class ThreadCaptureError extends Error {
  constructor(lineNumber: number, problem: string) {
    super(`Thread capture line ${lineNumber}: ${problem}`);
    this.name = 'ThreadCaptureError';
  }
}

export function parseThreadCapture(text: string): ParsedComment[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((line) => TOP_LEVEL.test(line));
  if (start === -1) throw new ThreadCaptureError(1, 'no top-level comment ("  1. …") found');

  const out: Draft[] = [];
  const open: Draft[] = []; // open[d] is the latest comment at depth d on the current branch
  let nextNumber = 1;
  let paragraphBreak = false;

  const begin = (depth: number, firstLine: string, lineNumber: number) => {
    // A reply deeper than its branch allows answered a comment the capture left out.
    while (open.length < depth) {
      const missingDepth = open.length;
      const placeholder = makeDraft(missingDepth, open[missingDepth - 1], out.length, lineNumber, 'unavailable');
      out.push(placeholder);
      open.push(placeholder);
    }
    open.length = depth;
    const draft = makeDraft(depth, open[depth - 1], out.length, lineNumber, 'visible');
    draft.paragraphs.push([firstLine]);
    out.push(draft);
    open.push(draft);
    paragraphBreak = false;
  };

  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNumber = i + 1;
    if (line.trim() === '') {
      paragraphBreak = true;
      continue;
    }
    if (!line.startsWith(' ')) break; // the comment form's leftover prompts end the thread

    const top = TOP_LEVEL.exec(line);
    if (top) {
      if (Number(top[1]) !== nextNumber) {
        throw new ThreadCaptureError(lineNumber, `expected top-level comment ${nextNumber}, found ${top[1]}`);
      }
      nextNumber++;
      begin(0, top[2]!, lineNumber);
      continue;
    }
    const reply = REPLY.exec(line);
    if (reply) {
      begin(reply[1]!.length / 2, reply[2]!, lineNumber);
      continue;
    }

    const current = open[open.length - 1]!;
    const indent = line.length - line.trimStart().length;
    if (indent !== current.contentIndent) {
      throw new ThreadCaptureError(
        lineNumber,
        `text indented ${indent} spaces does not continue the comment begun on line ${current.line} (expected ${current.contentIndent})`,
      );
    }
    const content = line.slice(indent);
    if (paragraphBreak) current.paragraphs.push([content]);
    else current.paragraphs[current.paragraphs.length - 1]!.push(content);
    paragraphBreak = false;
  }

  return out.map(({ depth, parentIndex, status, paragraphs }) => ({
    depth,
    parentIndex,
    status,
    body: paragraphs.map((p) => p.join('\n')).join('\n\n'),
  }));
}

function makeDraft(
  depth: number,
  parent: Draft | undefined,
  index: number,
  line: number,
  status: ParsedComment['status'],
): Draft {
  return { index, depth, parentIndex: parent ? parent.index : null, status, contentIndent: 4 + 2 * depth, paragraphs: [], line };
}
