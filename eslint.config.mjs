// Next.js's core-web-vitals and TypeScript rules, composed from the plugins themselves: the
// eslint-config-next bundle pulls in a resolver whose platform packages the registry here lacks,
// which breaks `npm ci`. Then the boundaries between folders (tests/unit/lint-boundaries.test.ts).
import path from 'node:path';
import nextPlugin from '@next/eslint-plugin-next';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Where code may run is told by folder. lib/ folders are layered, lowest first: a folder imports only
// folders of lower layers (and db/), so no two of them can import each other in a circle. A new
// folder goes into the layer below everything that imports it. The rules resolve relative and '@/'
// specifiers alike, which no-restricted-imports, matching the specifier's text, cannot.
const LIB_LAYERS = [
  ['shared'],
  ['rate-limit', 'csv', 'http'],
  ['auth'],
  ['log'],
  ['queries'],
  ['comments', 'reports', 'articles', 'users'],
  ['moderation'],
  ['actions'],
  ['browser'],
];
/** Command-line and benchmark code: it may import any lib folder, and nothing of the product may import it. */
const LIB_OPS = 'lib/ops';
/** What Next.js builds and serves, besides lib/. */
const PRODUCT = ['app', 'components', 'db', 'proxy.ts'];
/** Code that runs in the browser; every other lib folder is server-only and says so with `import 'server-only'`. */
const BROWSER_SAFE = ['lib/shared', 'lib/browser'];
/** The enums of db/: free of imports, so browser code may list them. */
const DB_ENUMS = ['db/roles', 'db/moderation-reasons', 'db/report-reasons', 'db/log-actions'];
/** The database's connection, statements and migrations: server-only, and never opened by a component. */
const DB_SERVER = ['db/client', 'db/prepared', 'db/migrate'];
/** What browser code may import at runtime; `lib/actions` only as the references to server actions Next.js sends. */
const BROWSER_IMPORTS = [...BROWSER_SAFE, 'lib/actions', 'components', ...DB_ENUMS];
/** Packages that only work on the server. */
const SERVER_PACKAGES = ['server-only', 'better-sqlite3', 'drizzle-orm'];

const LAYER_OF = new Map(LIB_LAYERS.flatMap((folders, layer) => folders.map((folder) => [`lib/${folder}`, layer])));

const isUnder = (file, folder) => file === folder || file.startsWith(`${folder}/`);
const isUnderAny = (file, folders) => folders.some((folder) => isUnder(file, folder));
/** 'lib/log/export/json-export' → 'lib/log'; 'db/client' → 'db'. */
const areaOf = (file) => (file.startsWith('lib/') ? file.split('/').slice(0, 2).join('/') : file.split('/')[0]);

/** The repository path a specifier names, without its extension, or null for a package. */
function importedFile(importer, specifier) {
  let target;
  if (specifier.startsWith('@/')) target = specifier.slice(2);
  else if (specifier.startsWith('.')) target = path.posix.join(path.posix.dirname(importer), specifier);
  else return null;
  return target.replace(/\.(tsx?|mts|m?js)$/, '').replace(/\/index$/, '');
}

const isPackage = (specifier, names) => names.some((name) => specifier === name || specifier.startsWith(`${name}/`));

const hasDirective = (program, directive) =>
  program.body.some((statement, index) =>
    statement.directive === directive && program.body.slice(0, index).every((before) => before.directive !== undefined));

/** Why `importer` may not import `target` (both repository paths), or null when it may. */
function boundaryProblem(importer, target, { typeOnly, inBrowser }) {
  const from = areaOf(importer);
  const to = areaOf(target);
  if (to === LIB_OPS && from !== LIB_OPS && (from.startsWith('lib/') || PRODUCT.includes(from))) {
    return `${LIB_OPS} is command-line and benchmark code: ${from} may not import it.`;
  }
  if ((from === 'db' || from.startsWith('lib/')) && (to === 'app' || to === 'components')) {
    return `${from} is below the app: it may not import ${to}/.`;
  }
  if (from === 'db' && to.startsWith('lib/')) return `db/ is the layer under lib/: it may not import ${target}.`;
  if (from.startsWith('lib/') && to.startsWith('lib/') && from !== to && from !== LIB_OPS && to !== LIB_OPS) {
    if (!LAYER_OF.has(from)) return `${from} is in no layer: add it to LIB_LAYERS in eslint.config.mjs.`;
    if (!LAYER_OF.has(to)) return `${to} is in no layer: add it to LIB_LAYERS in eslint.config.mjs.`;
    if (LAYER_OF.get(to) >= LAYER_OF.get(from)) {
      return `${from} may not import ${to}: a lib folder imports only lower layers (LIB_LAYERS in eslint.config.mjs), so that no two import each other.`;
    }
  }
  if (typeOnly) return null;
  if (inBrowser && !isUnderAny(target, BROWSER_IMPORTS)) {
    return `${importer} runs in the browser: at runtime it may import only ${BROWSER_IMPORTS.join(', ')} (import type is fine), not ${target}.`;
  }
  if (from === 'components' && (isUnderAny(target, DB_SERVER) || (to.startsWith('lib/') && !isUnderAny(target, BROWSER_IMPORTS)))) {
    return `A component gets its data as props from its page: it may not import ${target} at runtime (import type is fine).`;
  }
  return null;
}

const boundaries = {
  rules: {
    imports: {
      meta: { type: 'problem', schema: [], docs: { description: 'Which folder may import which: the layers of lib/, db/, components and browser code.' } },
      create(context) {
        const importer = path.relative(context.cwd, context.filename).split(path.sep).join('/');
        let inBrowser = isUnderAny(importer, BROWSER_SAFE);
        const check = (node, source, typeOnly) => {
          if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
          const target = importedFile(importer, source.value);
          const problem = target === null
            ? (inBrowser && !typeOnly && isPackage(source.value, SERVER_PACKAGES) ? `${importer} runs in the browser: it may not import ${source.value}.` : null)
            : boundaryProblem(importer, target, { typeOnly, inBrowser });
          if (problem) context.report({ node, message: problem });
        };
        return {
          Program(program) {
            inBrowser ||= hasDirective(program, 'use client');
          },
          ImportDeclaration(node) {
            const typeOnly = node.importKind === 'type'
              || (node.specifiers.length > 0 && node.specifiers.every((each) => each.importKind === 'type'));
            check(node, node.source, typeOnly);
          },
          ExportNamedDeclaration(node) {
            check(node, node.source, node.exportKind === 'type');
          },
          ExportAllDeclaration(node) {
            check(node, node.source, node.exportKind === 'type');
          },
          ImportExpression(node) {
            check(node, node.source, false);
          },
        };
      },
    },
    'server-only': {
      meta: { type: 'problem', schema: [], docs: { description: "Every server-only module imports 'server-only'." } },
      create(context) {
        const file = path.relative(context.cwd, context.filename).split(path.sep).join('/');
        const serverOnly = !file.endsWith('.d.ts') && /\.tsx?$/.test(file)
          && ((file.startsWith('lib/') && !isUnderAny(file, BROWSER_SAFE)) || DB_SERVER.some((module) => file === `${module}.ts`));
        if (!serverOnly) return {};
        return {
          Program(program) {
            const marked = program.body.some((statement) =>
              statement.type === 'ImportDeclaration' && statement.source.value === 'server-only' && statement.specifiers.length === 0);
            if (!marked) {
              context.report({
                node: program,
                message: `${file} is server code: it must import 'server-only', so that a client bundle reaching it fails the build.`,
              });
            }
          },
        };
      },
    },
  },
};

export default defineConfig([
  globalIgnores(['.next/**', 'node_modules/**', 'next-env.d.ts', 'data/**', 'test-results/**', 'playwright-report/**']),
  tseslint.configs.recommended,
  react.configs.flat.recommended,
  react.configs.flat['jsx-runtime'],
  reactHooks.configs.flat['recommended-latest'],
  jsxA11y.flatConfigs.recommended,
  nextPlugin.configs['core-web-vitals'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: { react: { version: 'detect' } },
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction'] > :function[async=true]",
          message: 'better-sqlite3 transactions are synchronous: the awaited statements of an async callback run outside the transaction.',
        },
      ],
      'react/no-danger': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'next/font/google', message: 'Nothing may be fetched from the internet: use system fonts.' }] },
      ],
    },
  },
  {
    plugins: { boundaries },
    rules: { 'boundaries/imports': 'error', 'boundaries/server-only': 'error' },
  },
]);
