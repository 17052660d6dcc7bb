// Date labels rendered identically on the server and in the browser (always UTC).

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC',
});
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const fullDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatCommentTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

/** Imported comments carry only their captured order; their month is all that is known. */
export function formatImportedCommentTime(iso: string): string {
  return monthYear.format(new Date(iso));
}

/** `2018-12` reads "December 2018"; `2018-12-04` reads "4 December 2018". */
export function formatPublishedOn(isoDate: string): string {
  const date = new Date(`${isoDate.length === 7 ? `${isoDate}-01` : isoDate}T00:00:00Z`);
  return isoDate.length === 7 ? monthYear.format(date) : fullDate.format(date);
}
