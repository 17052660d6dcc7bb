'use client';
// Actions on every selected reply at once (one transaction on the server): flag, hide, dismiss reports.
import { useState } from 'react';
import { FlagCommentForm, HideCommentForm } from '@/components/moderation/forms/reasoned-action-form';
import { countLabel } from '@/lib/shared/format/count';
import { MODERATION_VERBS } from '@/lib/shared/moderation/verbs';
import type { BulkAction } from './send-action';

type Props = { count: number; error: string | null; onAct: (action: BulkAction) => void; onClear: () => void };

export function BulkBar({ count, error, onAct, onClear }: Props) {
  const [form, setForm] = useState<'flag' | 'hide' | null>(null);
  const act = (action: BulkAction) => {
    setForm(null);
    onAct(action);
  };
  return (
    <section className="queue-bulk" aria-label="Bulk actions">
      <p><strong>{countLabel(count, 'reply', 'replies')} selected.</strong></p>
      <div className="queue-actions">
        <button type="button" aria-expanded={form === 'flag'} onClick={() => setForm('flag')}>{MODERATION_VERBS.flag.bulk.label}</button>
        <button type="button" aria-expanded={form === 'hide'} onClick={() => setForm('hide')}>{MODERATION_VERBS.hide.bulk.label}</button>
        <button type="button" onClick={() => act({ kind: 'dismiss' })}>{MODERATION_VERBS.dismiss.bulk.label}</button>
        <button type="button" className="secondary" onClick={onClear}>Clear selection</button>
      </div>
      {form === 'flag' && <FlagCommentForm pending={false} error={null} onCancel={() => setForm(null)} onSubmit={(values) => act({ kind: 'flag', ...values })} />}
      {form === 'hide' && <HideCommentForm pending={false} error={null} onCancel={() => setForm(null)} onSubmit={(values) => act({ kind: 'hide', ...values })} />}
      {error && <p className="form-message error" role="alert">{error}</p>}
    </section>
  );
}
