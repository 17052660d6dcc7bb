// The account roles, in order of their rights; free of imports so that client forms can list them.
export const ROLES = ['reader', 'moderator', 'owner'] as const;
export type Role = (typeof ROLES)[number];
