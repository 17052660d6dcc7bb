// A role as it reads in a sentence: "a moderator", "an owner".
import type { Role } from '@/db/roles';

export function roleWithArticle(role: Role): string {
  return role === 'owner' ? 'an owner' : `a ${role}`;
}
