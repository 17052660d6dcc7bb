// lib/queries imports 'server-only', a marker that keeps it out of client bundles and throws when
// loaded anywhere but React's server build. The e2e tests call lib/comments as the server would, so
// the marker is replaced by an empty module here, as vitest.config.mts does for the vitest suites.
// Import this module before anything that loads lib/queries (imports are evaluated in order).
const marker = require.resolve('server-only');
require.cache[marker] ??= { id: marker, filename: marker, loaded: true, exports: {} } as NodeJS.Module;

export {};
