// GET /api/moderation-log/summary: one period's transparency summary as a JSON or CSV download, for owners.
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/get-viewer';
import { ERROR_STATUS, failureResponse } from '@/lib/http/error-status';
import { jsonError } from '@/lib/http/json-error';
import { readTransparencySummary, transparencySummaryRefusal } from '@/lib/log/transparency-summary';
import { transparencySummaryCsv } from '@/lib/log/transparency-summary-csv';
import { dayRangeFileName } from '@/lib/log/day-range';
import { parseSummaryQuery } from '@/lib/log/transparency-summary-query';

const CONTENT_TYPES = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

/** The transparency summary of one period as a JSON or CSV download; owners only. */
export async function GET(request: NextRequest) {
  const db = getDb();
  const viewer = await getViewer();
  const query = parseSummaryQuery(request.nextUrl.searchParams);
  if (!query.success) {
    // Who may look comes first: a stranger learns nothing, not even which parameters are wrong.
    const refusal = transparencySummaryRefusal(db, viewer);
    return refusal ? failureResponse(refusal) : jsonError(ERROR_STATUS.INVALID_INPUT, 'invalid_query', query.message);
  }
  const answer = readTransparencySummary(db, viewer, query.period);
  if (!answer.ok) return failureResponse(answer);
  const body = query.format === 'csv' ? transparencySummaryCsv(answer.summary) : `${JSON.stringify(answer.summary)}\n`;
  return new Response(body, {
    headers: {
      'Content-Type': CONTENT_TYPES[query.format],
      'Content-Disposition': `attachment; filename="${dayRangeFileName('transparency-summary', query.period, query.format, Date.now())}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
