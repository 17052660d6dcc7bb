// Runs a zod schema over raw input and turns a refusal into the typed INVALID_INPUT failure forms show.
import type { z } from 'zod';
import { fail, type Failure } from '@/lib/shared/result';
import { fieldErrorsOf } from './account-fields';

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; data: z.output<S> } | Failure {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors = fieldErrorsOf(parsed.error);
  const first = Object.values(fieldErrors).flat()[0] ?? parsed.error.issues[0]?.message ?? 'Check the form.';
  return fail('INVALID_INPUT', first, fieldErrors);
}
