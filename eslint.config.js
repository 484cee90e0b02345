import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['build/**', 'app/generated/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  {
    // Prisma stays behind the domain layer: only `*.server.ts` modules may open the client, and
    // routes and components take even its enums from the domain.
    files: ['app/routes/**', 'app/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '~/utils/db.server', message: 'Call a function from app/modules/<domain>/*.server.ts instead.' },
          ],
          patterns: [
            {
              group: ['~/generated/prisma/*'],
              message: 'Import from the domain module instead (e.g. Role from ~/modules/auth/user).',
            },
          ],
        },
      ],
    },
  },
)
