// What every moderation form takes from its parent, which owns the mutation (the thread and the queue update different caches).
export type ModerationFormProps<Values> = {
  onSubmit: (values: Values) => void;
  onCancel: () => void;
  /** True while the parent's mutation runs: the form stays, read-only, with its text. */
  pending: boolean;
  /** The last refusal in words, shown in the form. */
  error: string | null;
};
