// A log row's previous → new state: the fields that changed in words, and both states in full behind a disclosure.
import { stateChanges } from '@/lib/shared/format/state-changes';

type State = Record<string, unknown> | null;

export function LogEntryChange({ previous, next }: { previous: State; next: State }) {
  if (previous === null && next === null) return null;
  const changes = stateChanges(previous, next);
  return (
    <>
      {changes.length > 0 && (
        <ul className="state-changes">
          {changes.map((change) => <li key={change}>{change}</li>)}
        </ul>
      )}
      <details className="log-states">
        <summary>Full states</summary>
        <dl>
          <dt>Previous</dt>
          <dd><pre>{previous === null ? 'none' : JSON.stringify(previous, null, 2)}</pre></dd>
          <dt>New</dt>
          <dd><pre>{next === null ? 'none' : JSON.stringify(next, null, 2)}</pre></dd>
        </dl>
      </details>
    </>
  );
}
