// GET /api/moderation-log/export: the filtered moderation log as a CSV, NDJSON or JSON download, streamed; owners only.
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { ERROR_STATUS, failureResponse } from '@/lib/http/error-status';
import { jsonError } from '@/lib/http/json-error';
import { FOREIGN_ORIGIN } from '@/lib/http/request-guard';
import { parseExportQuery } from '@/lib/log/export/export-query';
import { authorizeLogExport, openLogExport } from '@/lib/log/export/open-log-export';
import { isFailure } from '@/lib/shared/result';

// Every request reads the log as it is now, for the viewer asking.
export const dynamic = 'force-dynamic';

/** The rows matching the filters, in id order, then the summary (NDJSON, JSON); the export is logged when it ends. */
export async function GET(request: NextRequest) {
  // The one GET that writes (its log_exported row): another site's link must not make an owner's browser export.
  if (request.headers.get('sec-fetch-site') === 'cross-site') return jsonError(FOREIGN_ORIGIN.status, FOREIGN_ORIGIN.code, FOREIGN_ORIGIN.message);
  const db = getDb();
  const viewer = await getViewer();
  const query = parseExportQuery(request.nextUrl.searchParams);
  if (!query.success) {
    // Who may export comes first: a stranger learns nothing, not even which parameters are wrong.
    const caller = authorizeLogExport(db, viewer);
    return isFailure(caller) ? failureResponse(caller) : jsonError(ERROR_STATUS.INVALID_INPUT, 'invalid_query', query.message);
  }
  const opened = openLogExport(db, viewer, { format: query.format, filters: query.filters });
  // A format or filter the query parser let through but the export does not know is a bad query too.
  if (!opened.ok) return opened.code === 'INVALID_INPUT' ? jsonError(ERROR_STATUS.INVALID_INPUT, 'invalid_query', opened.message) : failureResponse(opened);
  return new Response(opened.body, {
    headers: {
      'Content-Type': opened.contentType,
      'Content-Disposition': `attachment; filename="${opened.filename}"`,
      // The log is for this owner alone: never cached, never shared, never sniffed as something else.
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
