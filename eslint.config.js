import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const PRINTING = ['info', 'debug', 'notice', 'warning', 'error'];

/** Each outside library the action talks through is imported in one folder (or file) only. */
const ONLY_IMPORTER = {
  '@actions/core': ['src/runner/**'],
  '@actions/http-client': ['src/http/**'],
  '@actions/github': ['src/github/github-api.ts'],
};

function restrictedImports(allowed) {
  const patterns = Object.entries(ONLY_IMPORTER)
    .filter(([library]) => library !== allowed)
    .map(([library, owners]) => ({ group: [library, `${library}/**`], message: `Only ${owners.join(', ')} import ${library}: go through it.` }));
  return ['error', { patterns }];
}

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
  // One rule for all of src/, then one per owner without its own library (a later rule replaces an earlier one).
  { files: ['src/**/*.ts'], rules: { 'no-restricted-imports': restrictedImports() } },
  ...Object.entries(ONLY_IMPORTER).map(([library, owners]) => ({ files: owners, rules: { 'no-restricted-imports': restrictedImports(library) } })),
  {
    // Everything the action prints goes through src/runner/log.ts, which keeps outside values from
    // becoming workflow commands.
    files: ['src/**/*.ts'],
    ignores: ['src/runner/log.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...PRINTING.map((property) => ({ object: 'core', property, message: 'Print through log (src/runner/log.ts): it neutralises workflow commands.' })),
      ],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='console']", message: 'Print through log (src/runner/log.ts).' }],
    },
  },
);
