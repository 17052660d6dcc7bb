'use client';
// The queue's keyboard shortcuts, in a modal dialog that `?` toggles and Escape closes.
import { forwardRef } from 'react';

export const QUEUE_SHORTCUTS: readonly (readonly [key: string, what: string])[] = [
  ['j / k', 'Next / previous reply'],
  ['h', 'Hide (then 1–7 picks the reason, Enter hides)'],
  ['u', 'Unhide'],
  ['f', 'Flag, or clear the flag'],
  ['d', 'Dismiss the open reports'],
  ['a', 'Annotate'],
  ['x', 'Select for a bulk action'],
  ['o', 'Open in the thread'],
  ['?', 'Show or hide these shortcuts'],
  ['Escape', 'Close a form or this list'],
];

export const ShortcutsDialog = forwardRef<HTMLDialogElement>(function ShortcutsDialog(_props, ref) {
  return (
    <dialog ref={ref} className="queue-shortcuts" aria-labelledby="queue-shortcuts-title">
      <h2 id="queue-shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        {QUEUE_SHORTCUTS.map(([key, what]) => (
          <div key={key}>
            <dt><kbd>{key}</kbd></dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="field-hint">Shortcuts wait while you type in a field.</p>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
});
