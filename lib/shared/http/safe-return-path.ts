// Where to send someone after sign-in: only a path on this site, so a crafted link cannot bounce them elsewhere.

export function safeReturnPath(raw: unknown, fallback = '/'): string {
  if (typeof raw !== 'string' || raw.length > 2000) return fallback;
  // "//host" and "/\host" are read by browsers as another site.
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  return /[\u0000-\u001F\u007F]/.test(raw) ? fallback : raw;
}
