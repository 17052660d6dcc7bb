// Sensible values for each input field the actions take, by name: small ids (some of them real rows, some not),
// texts near the limits, reasons and roles with one wrong choice each. Mixed with wild values by nearlyValid.
import fc from 'fast-check';
import { MODERATION_REASONS } from '@/db/moderation-reasons';
import { ROLES } from '@/db/schema';
import { MODERATION_VERBS } from '@/lib/shared/moderation/verbs';
import { BULK_MODERATION_MAX } from '@/lib/shared/validation/moderation';
import { wildValue } from './wild-values';

const id = fc.integer({ min: -2, max: 12 });
const someText = fc.constantFrom('A comment', '  padded \r\n', 'Line\r\nbreak', '😀', '', ' ', 'x'.repeat(1001), 'y'.repeat(301));

export const SENSIBLE: Record<string, fc.Arbitrary<unknown>> = {
  commentId: id,
  articleId: id,
  parentId: fc.option(id),
  annotationId: id,
  version: id,
  userId: fc.oneof(id, id.map(String)),
  body: someText,
  note: fc.option(someText, { nil: undefined }),
  explanation: fc.option(someText),
  reason: fc.constantFrom(...MODERATION_REASONS, 'Spam links', ''),
  visibility: fc.constantFrom('internal', 'public', 'private'),
  role: fc.constantFrom(...ROLES, 'admin'),
  open: fc.boolean(),
  email: fc.constantFrom('reader@example.com', ' Reader@Example.COM ', 'no-at-sign', '¨a@example.com'),
  displayName: fc.constantFrom('Rita', ' Rita ', 'Ri\u202eta', ''),
  password: fc.constantFrom('correct horse battery', 'short', '\ud800'.repeat(12)),
  action: fc.constantFrom('flag', 'hide', 'dismiss', 'delete'),
  kind: fc.constantFrom(...Object.keys(MODERATION_VERBS), 'delete', 'constructor'),
  items: fc.array(fc.record({ commentId: id, version: id }), { maxLength: BULK_MODERATION_MAX + 2 }),
};

/** The sensible arbitrary of each named field (a wild one for a name not listed). */
export function sensibleFields(keys: readonly string[]): Record<string, fc.Arbitrary<unknown>> {
  return Object.fromEntries(keys.map((key) => [key, SENSIBLE[key] ?? wildValue]));
}
