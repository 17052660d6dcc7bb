import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', 'next-env.d.ts', 'data/**', 'test-results/**', 'playwright-report/**', '.e2e/**']),
  {
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction'] > :function[async=true]",
          message: 'better-sqlite3 transactions are synchronous: the awaited statements of an async callback run outside the transaction.',
        },
      ],
      'react/no-danger': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'next/font/google', message: 'Nothing may be fetched from the internet: use system fonts.' }] },
      ],
    },
  },
]);
