// The owners' transparency summary of one period on the log page, with its downloads; a refusal is said in words.
import { periodLabel } from '@/lib/shared/log/transparency-summary-period';
import type { SummaryPeriod, TransparencySummary } from '@/lib/shared/log/transparency-summary-types';
import type { Result } from '@/lib/shared/result';
import { TransparencySummaryTables } from './transparency-summary-tables';
import './transparency-summary.css';

/** `answer` is what the page read for `period`: the summary, or why this viewer may not have it. */
type Props = { period: SummaryPeriod; answer: Result<{ summary: TransparencySummary }> };

function downloadHref(from: string | null, to: string | null, format: 'json' | 'csv'): string {
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  params.set('format', format);
  return `/api/moderation-log/summary?${params}`;
}

export function TransparencySummaryPanel({ period, answer }: Props) {
  const { from, to } = period;
  return (
    <section className="transparency-summary" aria-labelledby="transparency-summary-heading">
      <h2 id="transparency-summary-heading">Transparency summary, {periodLabel(period)}</h2>
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
