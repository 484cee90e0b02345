import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

// The layers of docs/decisions/012-layers-and-boundaries.md, bottom to top. A zone forbids `target`
// to import from `from`: nothing imports a layer above its own.
const ABOVE_DOMAINS = ['app/edge', 'app/setup', 'app/routes', 'app/components', 'app/root.tsx', 'server', 'scripts']
const LAYER_ZONES = [
  {
    target: ['app/utils', 'app/i18n'],
    from: ['app/modules', ...ABOVE_DOMAINS],
    message: 'utils and i18n are the ground floor: they import no domain and nothing above.',
  },
  {
    target: 'app/modules/platform',
    from: 'app/modules',
    except: ['./platform'],
    message: 'Platform infrastructure imports no domain; code that needs one belongs in the domain or in app/setup.',
  },
  {
    target: 'app/modules',
    from: ABOVE_DOMAINS,
    message: 'Domains import nothing above them (edge, setup, routes, components, root, server, scripts).',
  },
  {
    target: 'app/edge',
    from: ABOVE_DOMAINS.filter((layer) => layer !== 'app/edge'),
    message: 'The edge (HTTP glue shared by routes) sits on the domains and below routes and components.',
  },
  {
    target: 'app/setup',
    from: ABOVE_DOMAINS.filter((layer) => layer !== 'app/setup'),
    message: 'Start-up and demo data sit on the domains and below routes, server and scripts.',
  },
  {
    target: ['app/routes', 'app/components'],
    from: 'app/setup',
    message: 'Start-up, seed and demo data run from server/ and scripts/, never from a request.',
  },
]

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
    files: ['{app,server,scripts}/**/*.{ts,tsx,js}'],
    plugins: { 'import-x': importX },
    settings: {
      // The files no-cycle follows (it skips any other extension without a word).
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      // `~/…` resolves as TypeScript does, through tsconfig.json's paths.
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${import.meta.dirname}/tsconfig.json` })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Zones, like the tsconfig above, are relative to this file wherever ESLint is started from.
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: LAYER_ZONES }],
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
    // Every browser test checks the Content-Security-Policy: fixtures.ts fails a test on any violation.
    files: ['tests/e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test'],
              message: 'Import test from ./fixtures: it fails the test on any Content-Security-Policy violation.',
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
        {
          // A schema parsed in the browser before z.config({ jitless }) breaks the Content-Security-Policy.
          selector: "ImportDeclaration[source.value=/^zod($|\\u002F)/][importKind!='type']",
          message: "Import z from '~/utils/zod': it configures zod for the browser before any schema parses.",
        },
      ],
    },
  },
  {
    // A page's first Intl date or number formatter costs 40-65 ms of main thread (ADR 036).
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['**/*.server.{ts,tsx}', '**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['DateTimeFormat', 'NumberFormat'].map((property) => ({
          object: 'Intl',
          property,
          message: 'Write dates and numbers with ~/utils/format: it needs no Intl formatter in the browser.',
        })),
      ],
    },
  },
)
