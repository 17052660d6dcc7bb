// "in 40 seconds", "in 3 minutes", "in 2 hours 5 minutes": how long until someone may try again, rounded up.

export function waitLabel(until: number, now: number): string {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  if (seconds < 60) return `in ${plural(seconds, 'second')}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `in ${plural(minutes, 'minute')}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `in ${plural(hours, 'hour')}${rest === 0 ? '' : ` ${plural(rest, 'minute')}`}`;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
