// A waiting time in words for the summary: "45 s", "12 min 5 s", "3 h 12 min", "2 days 4 h".

const UNITS = [
  { seconds: 86_400, label: (n: number) => `${n} ${n === 1 ? 'day' : 'days'}` },
  { seconds: 3_600, label: (n: number) => `${n} h` },
  { seconds: 60, label: (n: number) => `${n} min` },
  { seconds: 1, label: (n: number) => `${n} s` },
];

/** The two largest units of a duration rounded to whole seconds; a zero second unit is left out. */
export function durationLabel(seconds: number): string {
  let rest = Math.round(seconds);
  const parts = UNITS.map((unit) => {
    const count = Math.floor(rest / unit.seconds);
    rest -= count * unit.seconds;
    return { unit, count };
  });
  const first = parts.findIndex((part) => part.count > 0);
  if (first === -1) return '0 s';
  return parts.slice(first, first + 2).filter((part) => part.count > 0).map((part) => part.unit.label(part.count)).join(' ');
}
