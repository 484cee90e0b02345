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
    // Prisma stays behind the domain layer: only `*.server.ts` modules may open the client.
    files: ['app/routes/**', 'app/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '~/utils/db.server', message: 'Call a function from app/modules/<domain>/*.server.ts instead.' },
          ],
        },
      ],
    },
  },
  {
    // HTTP lives at the edge: domain modules take plain arguments and return data or throw named errors.
    files: ['app/modules/**'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@remix-run/*'],
              message: 'Domain modules build no Response or redirect: do it in the route or app/edge.',
            },
            { group: ['~/edge/*'], message: 'Domain modules sit below the edge: return data or throw a named error.' },
          ],
          paths: [
            {
              name: '~/i18n/i18n.server',
              message: 'Domain modules translate nothing: return data, or take a translator as an argument.',
            },
            {
              name: '~/utils/http',
              message: 'Domain modules build no Response: throw a named error and map it at the edge.',
            },
          ],
        },
      ],
    },
  },
  {
    // The locale has one source and links one builder: href(locale, '/courses/:course', { course }).
    files: ['app/**/*.{ts,tsx}', 'server/**/*.ts'],
    ignores: ['app/i18n/**', '**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "TemplateLiteral[quasis.0.value.raw='/'][expressions.length>0]",
          message: "Build links with href(locale, '/path/:param', { param }) from ~/i18n/href.",
        },
        {
          selector: "BinaryExpression[operator='+'][left.value='/']",
          message: "Build links with href(locale, '/path/:param', { param }) from ~/i18n/href.",
        },
        {
          selector:
            "MemberExpression[object.name='params'][property.name='lang'], MemberExpression[object.property.name='params'][property.name='lang']",
          message: 'Read the language from context.locale (server) or useLocale() (components).',
        },
      ],
    },
  },
)
