// ESLint for the web client: the recommended rules of JavaScript and TypeScript, and React's
// rules of hooks (a hook's dependencies stated in full). Formatting is Prettier's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['tests/**/*.mjs', '*.config.{js,ts}'],
    // Node runs the tests; the functions they hand to the page run in the browser.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
