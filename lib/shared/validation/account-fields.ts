// zod rules for what people type into account forms, shared by sign-up, sign-in, the admin page and the CLI.
import { z } from 'zod';
import { ROLES } from '@/db/roles';
import { BAN_REASON_MAX, DISPLAY_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from './account-limits';
import { codePointLength, hasLoneSurrogate } from './unicode';

export { BAN_REASON_MAX, DISPLAY_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN };

/** Trimmed, NFKC-normalised and lowercased: the one form an email is stored and looked up in. */
export function normalizeEmail(raw: string): string {
  return raw.trim().normalize('NFKC').toLowerCase();
}

// Controls (newlines and tabs included) and the bidi embeddings, overrides and isolates that can
// make a name display as something else.
const FORBIDDEN_IN_NAMES = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const CONTROLS_EXCEPT_NEWLINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .transform(normalizeEmail)
  .pipe(z.email({ error: 'Enter a valid email address.' }).max(254, { error: 'That email address is too long.' }));

export const passwordSchema = z
  .string({ error: 'Enter a password.' })
  .refine((value) => !hasLoneSurrogate(value), { error: 'The password contains an invalid character.' })
  .refine((value) => codePointLength(value) >= PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters.` })
  .refine((value) => codePointLength(value) <= PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.` });

export const displayNameSchema = z
  .string({ error: 'Enter a display name.' })
  .transform((value) => value.normalize('NFKC').trim())
  .refine((value) => !hasLoneSurrogate(value), { error: 'The name contains an invalid character.' })
  .refine((value) => !FORBIDDEN_IN_NAMES.test(value), {
    error: 'The name cannot contain control characters or text-direction overrides.',
  })
  .refine((value) => codePointLength(value) >= 1, { error: 'Enter a display name.' })
  .refine((value) => codePointLength(value) <= DISPLAY_NAME_MAX, { error: `Use at most ${DISPLAY_NAME_MAX} characters.` });

export const roleSchema = z.enum(ROLES, { error: 'Choose reader, moderator or owner.' });

export const banReasonSchema = z
  .string({ error: 'Give a reason for the ban.' })
  // Browsers submit a textarea's line breaks as CRLF.
  .transform((value) => value.replace(/\r\n?/g, '\n').normalize('NFKC').trim())
  .refine((value) => !hasLoneSurrogate(value) && !CONTROLS_EXCEPT_NEWLINE.test(value), {
    error: 'The reason contains an invalid character.',
  })
  .refine((value) => value.length >= 1, { error: 'Give a reason for the ban.' })
  .refine((value) => codePointLength(value) <= BAN_REASON_MAX, { error: `Use at most ${BAN_REASON_MAX} characters.` });

export const userIdSchema = z.coerce.number({ error: 'Unknown user.' }).int().positive({ error: 'Unknown user.' });

/** Field name → messages, the shape forms show next to each field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  return z.flattenError(error).fieldErrors as Record<string, string[]>;
}

export const signUpSchema = z.object({ email: emailSchema, displayName: displayNameSchema, password: passwordSchema });

export const changeUserRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });
export const banUserSchema = z.object({ userId: userIdSchema, reason: banReasonSchema });
export const userRefSchema = z.object({ userId: userIdSchema });
