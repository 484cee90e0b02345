import { randomUUID } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import AxeBuilder from '@axe-core/playwright'
import { expect, type APIRequestContext, type BrowserContext, type Locator, type Page } from '@playwright/test'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { E2E_BASE_URL } from '../support/e2e-address'
import { signedInApi } from './fixtures'

export const BASE_URL = E2E_BASE_URL
/** The server refuses every POST without this header (CSRF); browsers add it, API calls must. */
export const SAME_ORIGIN = { Origin: BASE_URL }
export const DEMO_PASSWORD = 'demo-password-2026'
export const ADMIN_EMAIL = 'admin@demo.test'
export const LEARNER_EMAIL = 'learner@demo.test'

export type Lang = 'en' | 'ru'

/** Visible texts the tests look for, as a reader of each language sees them. */
export const TEXT = {
  en: {
    mainNav: 'Main',
    email: 'Email',
    password: 'Password',
    logIn: 'Log in',
    logOut: 'Log out',
    signedInAs: 'Signed in as',
    invalidLogin: 'The email or password is not correct.',
  },
  ru: {
    mainNav: 'Основное меню',
    email: 'Электронная почта',
    password: 'Пароль',
    logIn: 'Войти',
    logOut: 'Выйти',
    signedInAs: 'Вы вошли как',
    invalidLogin: 'Неверный адрес электронной почты или пароль.',
  },
} as const

export interface DemoAccount {
  email: string
  name: string
  preferredLocale: Lang
  role: Record<Lang, string>
  /** Where signing in lands, after `/:lang`, when not the home page (a coordinator: the dashboard, ADR 032). */
  landsOn?: '/manage'
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: ADMIN_EMAIL,
    name: 'Regional Office Administrator',
    preferredLocale: 'en',
    role: { en: 'Administrator', ru: 'Администратор' },
  },
  {
    email: 'instructor@demo.test',
    name: 'Elena Marchenko',
    preferredLocale: 'en',
    role: { en: 'Instructor', ru: 'Преподаватель' },
  },
  {
    email: 'manager@demo.test',
    name: 'Lilit Hakobyan',
    preferredLocale: 'en',
    role: { en: 'Training coordinator', ru: 'Координатор обучения' },
    landsOn: '/manage',
  },
  { email: LEARNER_EMAIL, name: 'Aram Petrosyan', preferredLocale: 'en', role: { en: 'Learner', ru: 'Слушатель' } },
  {
    email: 'learner.ru@demo.test',
    name: 'Анна Григорян',
    preferredLocale: 'ru',
    role: { en: 'Learner', ru: 'Слушатель' },
  },
]

/** "Signed in as …" as the home page shows it. */
export function signedInHeading({ lang, name, role }: { lang: Lang; name: string; role: string }) {
  return `${TEXT[lang].signedInAs} ${name} · ${role}`
}

/** Fills and submits the login form of the page that is open, then waits until the user is signed in. */
export async function submitLogin(
  page: Page,
  email: string,
  lang: Lang,
  password = DEMO_PASSWORD,
  { javaScript = true }: { javaScript?: boolean } = {},
) {
  // A person reads the form first: a click while React is still hydrating the page interrupts it.
  if (javaScript) await waitForHydration(page.getByRole('button', { name: TEXT[lang].logIn }))
  await page.getByLabel(TEXT[lang].email, { exact: true }).fill(email)
  await page.getByLabel(TEXT[lang].password, { exact: true }).fill(password)
  await page.getByRole('button', { name: TEXT[lang].logIn }).click()
  // Where the user lands depends on their preferred language, so either logout button will do. The login
  // checks the password with Argon2 (memory-hard on purpose), slow while a busy 2-core machine runs the suite.
  await expect(page.getByRole('button', { name: new RegExp(`^(${TEXT.en.logOut}|${TEXT.ru.logOut})$`) })).toBeVisible({
    timeout: 15_000,
  })
}

/** Logs in through the login page in `lang`, like a person would (tests of the login itself; others use fixtures.ts). */
export async function login(
  page: Page,
  email: string,
  lang: Lang = 'en',
  password = DEMO_PASSWORD,
  options: { javaScript?: boolean } = {},
) {
  await page.goto(`/${lang}/login`)
  await submitLogin(page, email, lang, password, options)
}

/** Logs out with the header button of a page in `lang` and waits for the anonymous header. */
export async function logout(page: Page, lang: Lang) {
  await page.getByRole('button', { name: TEXT[lang].logOut }).click()
  await expect(
    page.getByRole('navigation', { name: TEXT[lang].mainNav }).getByRole('link', { name: TEXT[lang].logIn }),
  ).toBeVisible()
}

export async function sessionToken(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find(({ name }) => name === 'lms_session')
  expect(cookie, 'the lms_session cookie').toBeDefined()
  return cookie?.value ?? ''
}

export interface TestUser {
  email: string
  password: string
  displayName: string
}

/**
 * A new instructor account of its own (instructors need no administration), created by the demo
 * admin through the admin form. For tests that fail logins or change passwords on purpose, so the
 * demo accounts stay untouched.
 */
export async function createUser(purpose: string): Promise<TestUser> {
  return createAccount({ purpose, role: 'INSTRUCTOR', preferredLocale: 'en' })
}

export const LEARNER_RU_EMAIL = 'learner.ru@demo.test'

/** Read once per worker from the admin form: ids are made by the database, and the user list grows. */
let administrationId: string | undefined

async function firstAdministrationId(adminApi: APIRequestContext) {
  const form = await (await adminApi.get('/en/admin/users/new')).text()
  const options = /name="administrationId"[^>]*>([\s\S]*?)<\/select>/.exec(form)?.[1] ?? ''
  const id = /<option value="([^"]+)"/.exec(options)?.[1]
  expect(id, 'an administration to put the learner in').toBeDefined()
  return id ?? ''
}

/**
 * A new learner account in the first demo administration (learners must belong to one), created by
 * the demo admin through the admin form. Each test that enrols gets its own, so progress never leaks
 * between tests running side by side.
 */
export async function createLearner(purpose: string, preferredLocale: Lang = 'en'): Promise<TestUser> {
  return createAccount({ purpose, role: 'LEARNER', preferredLocale })
}

async function createAccount({
  purpose,
  role,
  preferredLocale,
}: {
  purpose: string
  role: 'INSTRUCTOR' | 'LEARNER'
  preferredLocale: Lang
}): Promise<TestUser> {
  const id = randomUUID().slice(0, 8)
  const user = {
    email: `${purpose}-${id}@e2e.test`,
    password: `e2e-password-${id}`,
    displayName: `E2E ${purpose} ${id}`,
  }
  const api = await signedInApi(ADMIN_EMAIL)
  try {
    if (role === 'LEARNER') administrationId ??= await firstAdministrationId(api)
    const response = await api.post('/en/admin/users/new', {
      form: {
        intent: 'create',
        ...user,
        role,
        administrationId: role === 'LEARNER' ? (administrationId ?? '') : '',
        preferredLocale,
      },
      headers: SAME_ORIGIN,
      maxRedirects: 0,
    })
    expect(response.status(), `creating ${user.email}`).toBe(302)
    return user
  } finally {
    await api.dispose()
  }
}

/**
 * A new officer invited by the demo training coordinator, in `lang`: the link the coordinator is shown
 * (the e2e server sends no e-mail), good for one password.
 */
export async function createInvitation(lang: Lang): Promise<string> {
  const api = await signedInApi('manager@demo.test')
  try {
    const id = randomUUID().slice(0, 8)
    const response = await api.post('/en/manage/officers', {
      form: {
        intent: 'invite',
        email: `invited-${id}@e2e.test`,
        displayName: `E2E officer ${id}`,
        preferredLocale: lang,
      },
      headers: SAME_ORIGIN,
    })
    expect(response.status(), 'inviting an officer').toBe(200)
    const link = /\/(en|ru)\/invitations\/[a-z2-7]{32}/.exec(await response.text())?.[0]
    expect(link, 'the invitation link on the page').toBeDefined()
    return link ?? ''
  } finally {
    await api.dispose()
  }
}

/**
 * Waits until React has taken over the page `element` is in: before that a click posts the form the old
 * way. Hydration reaches the document element last, so the element alone could still be mid-hydration.
 */
export async function waitForHydration(element: Locator) {
  await expect
    .poll(() =>
      element.evaluate((node) =>
        Object.keys(node.ownerDocument.documentElement).some((key) => key.startsWith('__reactFiber')),
      ),
    )
    .toBe(true)
}

/** Enrols whoever `api` is logged in as (page.request shares the page's cookies) in a course. */
export async function enrol(api: APIRequestContext, course: string) {
  const response = await api.post(`/en/courses/${course}`, {
    form: { intent: 'enrol' },
    headers: SAME_ORIGIN,
    maxRedirects: 0,
  })
  expect(response.status(), `enrolling in ${course}`).toBe(302)
}

export interface ShippedModule {
  slug: string
  title: Record<Lang, string>
  minutes: number
}

export interface ShippedCourse {
  slug: string
  title: Record<Lang, string>
  modules: ShippedModule[]
  /** The module at `position` (1-based), as the learner counts them. */
  module: (position: number) => ShippedModule
}

const Localized = z.object({ en: z.string(), ru: z.string() })
const CourseFile = z.object({ slug: z.string(), title: Localized })
const ModuleFile = z.object({ slug: z.string(), title: Localized, minutes: z.number() })

/** A course as shipped in courses/, which the e2e server imports on its first start. */
export function shippedCourse(slug: string): ShippedCourse {
  const dir = fileURLToPath(new URL(`../../courses/${slug}/`, import.meta.url))
  const course = CourseFile.parse(parseYaml(readFileSync(path.join(dir, 'course.yaml'), 'utf8')))
  // Module folders are numbered (01-…), so their names sort in course order.
  const modules = readdirSync(path.join(dir, 'modules'))
    .sort()
    .map((folder) =>
      ModuleFile.parse(parseYaml(readFileSync(path.join(dir, 'modules', folder, 'module.yaml'), 'utf8'))),
    )
  return {
    ...course,
    modules,
    module(position) {
      const found = modules[position - 1]
      if (!found) throw new Error(`${slug} has no module ${position}`)
      return found
    },
  }
}

/**
 * Serious and critical axe findings, in a form that reads well in a failed assertion. axe runs inside
 * the page: in a context with JavaScript off the call never returns, so check such a page's address
 * in a context with it on.
 */
export async function seriousAxeViolations(page: Page) {
  // Every finding, but only one example of each passed rule: about a quarter less work on a long page.
  const { violations, passes } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze()
  expect(passes.length, 'axe checked something').toBeGreaterThan(0)
  return violations
    .filter(({ impact }) => impact === 'serious' || impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => target.join(' ')) }))
}

/** The page is `width` pixels wide and its content no wider: nothing scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page, width: number) {
  const { viewport, content } = await page.evaluate(() => ({
    viewport: window.innerWidth,
    content: document.scrollingElement?.scrollWidth ?? Infinity,
  }))
  expect(viewport).toBe(width)
  expect(content).toBeLessThanOrEqual(width)
}
