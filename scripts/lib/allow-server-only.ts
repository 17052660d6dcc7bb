// Every server module imports 'server-only', a marker that keeps it out of client bundles and throws when loaded
// anywhere but React's server build. The command-line scripts, the production server (which runs Next.js in
// process, so it cannot take the react-server condition) and the Playwright tests load those modules in plain
// Node, so the marker is made an empty module here, as vitest.config.mts does for the vitest suites.
// Import this module before anything that loads lib/ or db/ (imports are evaluated in order).
const marker = require.resolve('server-only');
require.cache[marker] ??= { id: marker, filename: marker, loaded: true, exports: {} } as NodeJS.Module;

export {};
