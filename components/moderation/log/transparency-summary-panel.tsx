// The owners' transparency summary of one period on the log page, with its downloads; a refusal is said in words.
import { getDb } from '@/db/client';
import type { Viewer } from '@/lib/shared/auth/actor';
import { readTransparencySummary } from '@/lib/log/transparency-summary';
import { periodLabel } from '@/lib/shared/log/transparency-summary-period';
import { TransparencySummaryTables } from './transparency-summary-tables';
import './transparency-summary.css';

type Props = { viewer: Viewer; from: string | null; to: string | null };

function downloadHref(from: string | null, to: string | null, format: 'json' | 'csv'): string {
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  params.set('format', format);
  return `/api/moderation-log/summary?${params}`;
}

export async function TransparencySummaryPanel({ viewer, from, to }: Props) {
  const answer = readTransparencySummary(getDb(), viewer, { from, to });
  return (
    <section className="transparency-summary" aria-labelledby="transparency-summary-heading">
      <h2 id="transparency-summary-heading">Transparency summary, {periodLabel({ from, to })}</h2>
      {answer.ok ? (
        <>
          <p className="transparency-summary-downloads">
            <a href={downloadHref(from, to, 'json')}>Download JSON</a> · <a href={downloadHref(from, to, 'csv')}>Download CSV</a>
          </p>
          <TransparencySummaryTables summary={answer.summary} />
        </>
      ) : (
        <p className="form-message error" role="alert">{answer.message}</p>
      )}
    </section>
  );
}
