// ESLint (flat config): typescript-eslint's recommended rules, React hooks, and the boundaries the design
// relies on (see docs/decisions/): a pure domain, and one writer of the study tables.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Tables whose rows are the learner's study history or caches of it. */
const STUDY_TABLES = ['reviewLogs', 'cardStates', 'answerCounts', 'newCardCursors', 'reviewRequests']
const STUDY_TABLE_NAMES = /^(reviewLogs|cardStates|answerCounts|newCardCursors|reviewRequests)$/

/** Playwright calls that take a CSS selector, and a class in one (".verdict", "label.choice"). */
const CSS_QUERIES = /^(locator|\$|\$\$|\$eval|\$\$eval|waitForSelector)$/
const CSS_CLASS = /\.-?[_a-zA-Z][\w-]*/
const CSS_CLASS_MESSAGE =
  'Find elements by role, label or text (getByRole, getByLabel, getByText), not by CSS class; if the UI lacks the name or role a user needs, add it.'

/**
 * The app's database client has one connection per process (db/client.ts): an interactive transaction would hold
 * it across awaits, and every other request's call would be refused meanwhile. The app writes with batches.
 * (IndexedDB's `transaction(storeNames, mode)` in app/offline is another thing and is allowed.)
 */
const NO_INTERACTIVE_TRANSACTIONS = [
  "CallExpression[callee.property.name='transaction']:not([arguments.0])",
  "CallExpression[callee.property.name='transaction'][arguments.0.type=/FunctionExpression$/]",
  "CallExpression[callee.property.name='transaction'][arguments.0.value=/^(write|read|deferred)$/]",
].map((selector) => ({ selector, message: 'No interactive transactions in the app: write with a batch (db/client.ts says why).' }))

export default tseslint.config(
  { ignores: ['build/', 'node_modules/', '.react-router/', 'test-results/', 'playwright-report/', 'coverage/', 'tests/.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Sequence expressions such as `(e.preventDefault(), onReveal())` are used deliberately in handlers.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    files: ['app/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The domain is plain functions over plain data: it runs on the server and in the browser (offline
    // study), so it reaches no database, no server module, no component and no Node built-in.
    files: ['app/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'app/domain runs in the browser too: no Node built-ins.' },
            {
              group: ['**/db/*', '**/db', '~/data/*', '../data/*', '~/utils/*', '../utils/*'],
              message: 'app/domain is pure: no database, data or server modules.',
            },
            { group: ['~/components/*', '../components/*', 'react', 'react-router'], message: 'app/domain holds no UI.' },
          ],
        },
      ],
    },
  },
  {
    // Only the reviews module (answers, undo) and the study-queue module (cursors, review requests) write
    // the study tables, so the log stays the truth and its caches stay in step with it.
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    ignores: ['app/data/reviews.server.ts', 'app/data/review-sync.server.ts', 'app/data/study-queue.server.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=/^(insert|update|delete)$/][arguments.0.name=${STUDY_TABLE_NAMES}]`,
          message: `Only app/data/reviews.server.ts and app/data/study-queue.server.ts write the study tables (${STUDY_TABLES.join(', ')}).`,
        },
        {
          selector: `TaggedTemplateExpression[tag.name="sql"] TemplateElement[value.raw=/(insert\\s+into|update|delete\\s+from)\\s*$/i]`,
          message: 'Raw SQL writes belong in the reviews or study-queue data modules (or use the query builder).',
        },
        ...NO_INTERACTIVE_TRANSACTIONS,
      ],
    },
  },
  {
    files: ['app/data/reviews.server.ts', 'app/data/review-sync.server.ts', 'app/data/study-queue.server.ts', 'server.ts'],
    rules: { 'no-restricted-syntax': ['error', ...NO_INTERACTIVE_TRANSACTIONS] },
  },
  {
    // Browser tests find elements as a user does, by role, label and text (tests/support/study-screen.ts): a
    // CSS class is styling, and a test that leans on it breaks with the styles and misses a missing name.
    files: ['tests/e2e/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['arguments.0.value', 'arguments.0.quasis.0.value.raw'].map((arg) => ({
          selector: `CallExpression[callee.property.name=${CSS_QUERIES}][${arg}=${CSS_CLASS}]`,
          message: CSS_CLASS_MESSAGE,
        })),
      ],
    },
  },
)
