// "Export this view" for owners: the current filters as a CSV, NDJSON or JSON download from the export route.
import { logFiltersToParams, type LogFilters } from '@/lib/shared/log/log-filters';

const FORMATS = [
  { format: 'csv', label: 'CSV' },
  { format: 'ndjson', label: 'NDJSON' },
  { format: 'json', label: 'JSON' },
] as const;

function exportHref(format: string, filters: LogFilters): string {
  return `/api/moderation-log/export?${new URLSearchParams([['format', format], ...logFiltersToParams(filters)])}`;
}

export function LogExportLinks({ filters }: { filters: LogFilters }) {
  return (
    <p className="log-export" role="group" aria-labelledby="log-export-label">
      <span id="log-export-label">Export this view</span>:{' '}
      {FORMATS.map(({ format, label }, index) => (
        <span key={format}>
          {index > 0 && ' · '}
          {/* A download, not a page: a plain link, which Next's router would otherwise try to prefetch and render. */}
          <a href={exportHref(format, filters)} aria-label={`Export this view as ${label}`}>{label}</a>
        </span>
      ))}
    </p>
  );
}
