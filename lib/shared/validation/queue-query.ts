// Validates the moderation queue's query string (page and JSON API): tab, article filter, cursor and the cards still shown.
import { z } from 'zod';
import { queryCharactersRefusal } from './unicode';

export const QUEUE_TABS = ['reported', 'flagged', 'hidden', 'new'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

/** Cards a page; "Load more" asks for the next 50. */
export const QUEUE_PAGE_SIZE = 50;
/** The most cards a client may ask to have refreshed after they left the tab. */
export const QUEUE_INCLUDE_MAX = 100;

/** A card's place in its tab: the tab's time (ISO 8601 UTC) and the comment id, 12 digits. */
export const SORT_KEY = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z)_(\d{12})$/;

export type QueueQuery = { tab: QueueTab; articleId: number | null; after: string | null; include: number[] };

// At most 15 digits: every such id is a safe integer, so Number() never rounds it into another row's id.
const ID = /^[1-9]\d{0,14}$/;

const queueQuerySchema = z.object({
  tab: z.enum(QUEUE_TABS, { error: `tab must be one of ${QUEUE_TABS.join(', ')}` }).default('reported'),
  article: z.string().regex(ID, { message: 'article must be an article id' }).transform(Number).optional(),
  after: z.string().regex(SORT_KEY, { message: 'after must be a nextCursor value from an earlier page' }).optional(),
  include: z
    .string()
    .regex(/^$|^[1-9]\d{0,14}(,[1-9]\d{0,14})*$/, { message: 'include must be comment ids separated by commas' })
    .transform((value) => [...new Set(value ? value.split(',').map(Number) : [])])
    .refine((ids) => ids.length <= QUEUE_INCLUDE_MAX, { message: `include takes at most ${QUEUE_INCLUDE_MAX} comment ids` })
    .optional(),
});

/** Reads each parameter once: a repeated one is refused rather than guessed at. Empty values count as absent. */
export function parseQueueQuery(params: URLSearchParams): { success: true; data: QueueQuery } | { success: false; message: string } {
  const unprintable = queryCharactersRefusal(params);
  if (unprintable) return { success: false, message: unprintable };
  const repeated = ['tab', 'article', 'after', 'include'].find((key) => params.getAll(key).length > 1);
  if (repeated) return { success: false, message: `${repeated} may be given only once` };
  const value = (key: string) => params.get(key) || undefined;
  const result = queueQuerySchema.safeParse({ tab: value('tab'), article: value('article'), after: value('after'), include: value('include') });
  if (!result.success) return { success: false, message: result.error.issues.map((issue) => issue.message).join('; ') };
  const { tab, article, after, include } = result.data;
  return { success: true, data: { tab, articleId: article ?? null, after: after ?? null, include: include ?? [] } };
}
