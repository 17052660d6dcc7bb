// The shared body of the /admin/users actions: who is calling, validated input, one lib call, a refreshed list.
import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import type { Viewer } from '@/lib/shared/auth/actor';
import { getViewer } from '@/lib/auth/get-viewer';
import type { Result } from '@/lib/shared/result';
import { parseInput } from '@/lib/shared/validation/parse-input';
import type { FormState } from '../shared/forms/form-state';

export async function runUserAdminAction<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  perform: (db: Db, viewer: Viewer, input: z.output<S>) => Result | Promise<Result>,
  success: string,
): Promise<FormState> {
  const viewer = await getViewer();
  const input = parseInput(schema, raw);
  if (!input.ok) return input;
  const result = await perform(getDb(), viewer, input.data);
  if (!result.ok) return result;
  revalidatePath('/admin/users');
  return { ok: true, message: success };
}
