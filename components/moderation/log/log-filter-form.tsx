// The log viewer's filters as a plain GET form: it works without JavaScript and leaves every filter in the URL.
import Link from 'next/link';
import { MODERATION_REASONS } from '@/db/moderation-reasons';
import { LOG_ACTIONS } from '@/db/log-actions';
import { LOG_ACTION_WORDS, MODERATION_REASON_WORDS } from '@/lib/shared/vocabulary';
import { LOG_SEARCH_MAX, LOG_SEARCH_MIN, type LOG_FILTER_KEYS } from '@/lib/shared/log/log-filters';
import type { LogActorChoice } from '@/lib/shared/log/log-page-types';
import { LOG_PATH } from './log-view-href';

/** Each filter as the URL has it (possibly refused), so that a refused value stays in the form to be corrected. */
export type LogFilterValues = Record<(typeof LOG_FILTER_KEYS)[number], string>;

type Props = {
  values: LogFilterValues;
  articles: readonly { id: number; title: string }[];
  actors: readonly LogActorChoice[];
  /** Kept when the filters change, so an owner reading the summary keeps it. */
  summary: boolean;
};

export function LogFilterForm({ values, articles, actors, summary }: Props) {
  return (
    <form className="log-filters" action={LOG_PATH} method="get" role="search" aria-label="Filter the log">
      <div className="log-filter-fields">
        <p className="log-field">
          <label htmlFor="log-from">From (UTC)</label>
          <input id="log-from" name="from" type="date" defaultValue={values.from} />
        </p>
        <p className="log-field">
          <label htmlFor="log-to">To (UTC, inclusive)</label>
          <input id="log-to" name="to" type="date" defaultValue={values.to} />
        </p>
        <p className="log-field">
          <label htmlFor="log-article">Article</label>
          <select id="log-article" name="article" defaultValue={values.article}>
            <option value="">Any article</option>
            {articles.map((article) => <option key={article.id} value={article.id}>{article.title}</option>)}
          </select>
        </p>
        <p className="log-field">
          <label htmlFor="log-actor">Actor</label>
          <select id="log-actor" name="actor" defaultValue={values.actor}>
            <option value="">Anyone</option>
            <option value="system">System (command line)</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>{`${actor.displayName} (${actor.email}), ${actor.role}`}</option>
            ))}
          </select>
        </p>
        <p className="log-field">
          <label htmlFor="log-action">Action</label>
          <select id="log-action" name="action" defaultValue={values.action}>
            <option value="">Any action</option>
            {LOG_ACTIONS.map((action) => <option key={action} value={action}>{LOG_ACTION_WORDS[action]}</option>)}
          </select>
        </p>
        <p className="log-field">
          <label htmlFor="log-reason">Reason</label>
          <select id="log-reason" name="reason" defaultValue={values.reason}>
            <option value="">Any reason</option>
            {MODERATION_REASONS.map((reason) => <option key={reason} value={reason}>{MODERATION_REASON_WORDS[reason]}</option>)}
          </select>
        </p>
        <p className="log-field">
          <label htmlFor="log-comment">Comment id</label>
          <input id="log-comment" name="comment" type="text" inputMode="numeric" size={10} defaultValue={values.comment} />
        </p>
        <p className="log-field">
          <label htmlFor="log-q">Notes contain</label>
          <input id="log-q" name="q" type="search" minLength={LOG_SEARCH_MIN} maxLength={LOG_SEARCH_MAX} defaultValue={values.q} />
        </p>
      </div>
      {summary && <input type="hidden" name="summary" value="1" />}
      <p className="log-filter-buttons">
        <button type="submit">Apply</button> <Link href={LOG_PATH}>Clear</Link>
      </p>
    </form>
  );
}
