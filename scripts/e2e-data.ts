// What the browser tests' throw-away database holds besides the demo article.
export const E2E_SYNTHETIC_SLUG = 'synthetic-e2e';
export const E2E_SYNTHETIC_COMMENTS = 300;
export const E2E_SYNTHETIC_SEED = 7;
export const E2E_DEEP_SLUG = 'deep-e2e';
/** One chain of replies deeper than a page renders, to reach "Continue this thread". */
export const E2E_DEEP_CHAIN = 12;
