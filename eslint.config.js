// Lint, and above all the layering rules: which part of the kiosk may import which.
// The layers are what keep the renderer free of Node (it runs sandboxed in a
// browser), keep hardware/speech/store code runnable outside Electron, and keep
// common/ loadable from every process. tests/lint-fixtures proves a violation fails.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layerRules } from './build/layers.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'test-results/**', 'renderer/dist/**', 'tests/lint-fixtures/**', 'models/**', '.data/**', 'tmp/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
  },
  {
    // The page runs on Preact (renderer/react-on-preact.ts), where autoFocus is only
    // the HTML attribute: the browser honours it once per page, not on every
    // screen that mounts one, as React's autoFocus did.
    files: ['renderer/src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXOpeningElement[name.name=/^[a-z]/] > JSXAttribute[name.name='autoFocus']",
          message: 'autoFocus on an element is honoured once per page: take the focus with useFocusOnMount (design/focus-on-mount.ts).',
        },
      ],
    },
  },
  ...layerRules,
);
