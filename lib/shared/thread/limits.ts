// How much of a thread one page carries; shared by the server pages, the JSON API and the browser.

/** Depth the pages render to; deeper branches end in "Continue this thread". */
export const PAGE_MAX_DEPTH = 8;
/** Top-level comments per page, each with its replies. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
