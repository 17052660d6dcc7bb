// The shape of one export format: what it reads per row, and the text before the rows, of each row and after them.
import 'server-only';
import type { LoggedExportSummary } from './export-summary';

/** One row as a writer's statement returns it in raw mode: the values of its `select`, in order. */
export type ExportRowValues = readonly (string | number | null)[];

export type ExportWriter = {
  extension: string;
  contentType: string;
  /** The SELECT list on `moderation_log l`: it begins with l.id and ends with l.hash, which the summary tallies. */
  select: string;
  header: string;
  row: (values: ExportRowValues) => string;
  footer: (summary: LoggedExportSummary) => string;
};
