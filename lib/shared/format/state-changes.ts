// A logged change in words, one line per field that changed ("status: visible → hidden"), for History and the log viewer; safe in client components.
import { reasonWords } from '../vocabulary';

const STATE_NAMES: Readonly<Record<string, string>> = {
  status: 'status',
  version: 'version',
  flag_reason: 'flag',
  hidden_reason: 'hidden for',
  open_reports: 'open reports',
  annotations: 'notes',
  comments_open: 'comments open',
  sessionVersion: 'session version',
};

// States are parsed from canonical JSON (keys sorted), so equal values have equal texts.
const text = (value: unknown) => (value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value));

/** "status: visible → hidden", one per field that changed; a changed text hash reads "text changed". */
export function stateChanges(previous: Record<string, unknown> | null, next: Record<string, unknown> | null): string[] {
  const keys = [...new Set([...Object.keys(previous ?? {}), ...Object.keys(next ?? {})])];
  return keys.flatMap((key) => {
    const before = previous?.[key] ?? null;
    const after = next?.[key] ?? null;
    if (text(before) === text(after)) return [];
    if (key === 'body_sha256') return ['text changed'];
    const show = (value: unknown) => (value === null ? 'none' : key.endsWith('_reason') ? reasonWords(String(value)) : text(value));
    return [`${STATE_NAMES[key] ?? key.replaceAll('_', ' ')}: ${show(before)} → ${show(after)}`];
  });
}
