import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const PRINTING = ['info', 'debug', 'notice', 'warning', 'error'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: 'error',
    },
  },
  {
    // Everything the action prints goes through src/log.ts, which keeps outside values from
    // becoming workflow commands.
    files: ['src/**/*.ts'],
    ignores: ['src/log.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...PRINTING.map((property) => ({ object: 'core', property, message: 'Print through log (src/log.ts): it neutralises workflow commands.' })),
      ],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='console']", message: 'Print through log (src/log.ts).' }],
    },
  },
);
