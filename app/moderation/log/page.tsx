// The moderation log viewer: filters from the URL, one page of rows for moderators and owners, and the owners' exports and summary.
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { LogExportLinks } from '@/components/moderation/log/log-export-links';
import { LogFilterForm, type LogFilterValues } from '@/components/moderation/log/log-filter-form';
import { LogPager } from '@/components/moderation/log/log-pager';
import { LogSummaryLinks } from '@/components/moderation/log/log-summary-links';
import { LogTable } from '@/components/moderation/log/log-table';
import { TransparencySummaryPanel } from '@/components/moderation/log/transparency-summary-panel';
import { getDb } from '@/db/client';
import { requireViewer } from '@/lib/auth/get-viewer';
import { can } from '@/lib/shared/auth/permissions';
import { LOG_FILTER_KEYS, parseLogQuery } from '@/lib/shared/log/log-filters';
import { readTransparencySummary } from '@/lib/log/transparency-summary';
import { listArticles } from '@/lib/queries/articles';
import { listLogActorChoices, logReaderRefusal, readLogPage } from '@/lib/queries/log-page';
import { fail } from '@/lib/shared/result';
import '../moderation.css';

export const metadata: Metadata = { title: 'Moderation log' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A cursor as the "Older entries" link writes it; anything else reaches readLogPage as NaN and is refused there. */
const cursorOf = (value: string | undefined) => (value === undefined ? null : /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN);

/** The filters' messages start in lower case ("from must be…"); on the page each is a sentence of its own. */
const sentence = (message: string) => `${message.charAt(0).toUpperCase()}${message.slice(1)}${message.endsWith('.') ? '' : '.'}`;

export default async function ModerationLogPage({ searchParams }: { searchParams: SearchParams }) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const each of [value ?? []].flat()) params.append(key, each);
  }
  const viewer = await requireViewer(`/moderation/log${params.size > 0 ? `?${params}` : ''}`);
  const db = getDb();
  const query = parseLogQuery(params, ['before', 'summary']);
  const before = query.success ? cursorOf(query.rest.before) : null;
  // A stranger is refused before learning which parameter is wrong.
  const answer = query.success
    ? readLogPage(db, viewer, { filters: query.filters, before })
    : logReaderRefusal(db, viewer) ?? fail('INVALID_INPUT', query.message);
  if (!answer.ok && answer.code !== 'INVALID_INPUT') forbidden();
  const shown = query.success && answer.ok ? { filters: query.filters, page: answer.page } : null;

  const values = Object.fromEntries(LOG_FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as LogFilterValues;
  const urlActor = query.success && typeof query.filters.actor === 'number' ? query.filters.actor : null;
  const owner = can(viewer, 'moderation.log.export');
  const summary = can(viewer, 'moderation.log.summary') && query.success && query.rest.summary === '1';
  const extra: Record<string, string> = summary ? { summary: '1' } : {};
  const summaryPeriod = summary && shown ? { from: shown.filters.from, to: shown.filters.to } : null;
  return (
    <section className="moderation-page moderation-log">
      <p><Link href="/moderation">← Moderation queue</Link></p>
      <h1>Moderation log</h1>
      <p className="meta">
        Every moderation decision and account change, newest first, 100 entries a page. Dates and times are UTC.
        {!owner && ' The internal notes of actions only owners can take are withheld.'}
      </p>
      {can(viewer, 'moderation.log.summary') && <LogSummaryLinks today={new Date()} />}
      {summaryPeriod && (
        <TransparencySummaryPanel period={summaryPeriod} answer={readTransparencySummary(db, viewer, summaryPeriod)} />
      )}
      <LogFilterForm
        values={values}
        articles={listArticles(db).map(({ id, title }) => ({ id, title }))}
        actors={listLogActorChoices(db, urlActor)}
        summary={summary}
      />
      {shown ? (
        <>
          {owner && <LogExportLinks filters={shown.filters} />}
          {shown.page.entries.length === 0 ? (
            <p role="status">{before === null ? 'No log entries match these filters.' : 'No older log entries match these filters.'}</p>
          ) : (
            <LogTable entries={shown.page.entries} filters={shown.filters} />
          )}
          <LogPager filters={shown.filters} extra={extra} before={before} nextBefore={shown.page.nextBefore} />
        </>
      ) : (
        <p className="form-message error" role="alert">This view cannot be shown: {answer.ok ? '' : sentence(answer.message)}</p>
      )}
    </section>
  );
}
