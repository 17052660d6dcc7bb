// The keys every moderation form answers to: Escape cancels, Ctrl+Enter (⌘+Enter) submits from a text field.
import { useEffect, useRef, type RefObject } from 'react';

/** Listens on the form itself, so the keys work from any of its controls and never reach the queue's shortcuts. */
export function useModerationFormKeys(form: RefObject<HTMLFormElement | null>, onCancel: () => void) {
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  });
  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const keys = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        cancel.current();
      } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target instanceof HTMLTextAreaElement) {
        event.preventDefault();
        event.stopPropagation();
        element.requestSubmit();
      }
    };
    element.addEventListener('keydown', keys);
    return () => element.removeEventListener('keydown', keys);
  }, [form]);
}
