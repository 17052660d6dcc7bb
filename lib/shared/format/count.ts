// Counts in words ("1 comment", "2,345 comments"), the same on the server and in the browser.

export function countLabel(count: number, singular: string, plural: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}
