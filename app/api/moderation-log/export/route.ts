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
  if (!fromOwnPages(request.headers.get('sec-fetch-site'))) return jsonError(FOREIGN_ORIGIN.status, FOREIGN_ORIGIN.code, FOREIGN_ORIGIN.message);
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

/**
 * The one GET that writes (its log_exported row), so no other site may make an owner's browser export: not another
 * site's link (`cross-site`), nor a page on a sibling subdomain (`same-site`), which is another site's code too.
 * Our log page's download link sends `same-origin`. `none` is the owner's own act (an address typed or a bookmark
 * opened), which no page can cause, so it is let through. No header at all is a request from outside a browser
 * (a script, curl), which carries only the cookies its sender already holds.
 */
function fromOwnPages(secFetchSite: string | null): boolean {
  return secFetchSite === null || secFetchSite === 'same-origin' || secFetchSite === 'none';
}
