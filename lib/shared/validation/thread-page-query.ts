// Validates the query string of a thread page request (JSON API and the no-JavaScript page links).
import { z } from 'zod';
import { isPathSegment } from '@/lib/shared/thread/comment-path';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@/lib/shared/thread/limits';
import { queryCharactersRefusal } from './unicode';

const DEPTH_MESSAGE = 'depth must be a whole number from 0 to 1000';

export const threadPageQuerySchema = z.object({
  after: z
    .string()
    .refine(isPathSegment, { message: 'after must be a nextCursor value from an earlier page' })
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, { message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
    .transform(Number)
    .pipe(z.number().min(1, { message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` }).max(MAX_PAGE_SIZE, { message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` }))
    .default(DEFAULT_PAGE_SIZE),
  /** The deepest level to send (top level is 0); omitted for complete subtrees. */
  depth: z
    .string()
    .regex(/^\d{1,4}$/, { message: DEPTH_MESSAGE })
    .transform(Number)
    .pipe(z.number().max(1000, { message: DEPTH_MESSAGE }))
    .optional(),
});

export type ThreadPageQuery = z.infer<typeof threadPageQuerySchema>;

/** Reads `after`, `limit` and `depth` once each: a repeated parameter is refused rather than guessed at. */
export function parseThreadPageQuery(params: URLSearchParams) {
  const unprintable = queryCharactersRefusal(params);
  if (unprintable) return { success: false as const, message: unprintable };
  const repeated = ['after', 'limit', 'depth'].find((key) => params.getAll(key).length > 1);
  if (repeated) return { success: false as const, message: `${repeated} may be given only once` };
  const result = threadPageQuerySchema.safeParse({
    after: params.get('after') ?? undefined,
    limit: params.get('limit') ?? undefined,
    depth: params.get('depth') ?? undefined,
  });
  return result.success
    ? { success: true as const, data: result.data }
    : { success: false as const, message: result.error.issues.map((issue) => issue.message).join('; ') };
}
