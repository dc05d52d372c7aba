import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noElectron = {
  'no-restricted-imports': [
    'error',
    { paths: [{ name: 'electron', message: 'Electron stays in main/ and preload/: services/ and the renderer are plain Node/web.' }] },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...noElectron,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks through the preload bridge only.' }],
          patterns: [
            { regex: '^(\\.\\./)+(services|main|preload)/(?!contract/)', message: 'The renderer may import only services/contract.' },
          ],
        },
      ],
    },
  },
  { files: ['main/**', 'preload/**'], rules: { 'no-restricted-imports': 'off' } },
);
