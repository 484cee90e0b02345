/*
 * Every form that validates what a person types, with JavaScript on and off: a refused submit names
 * each mistake in the page's language on the field itself (aria-invalid, aria-describedby pointing at
 * the message) and puts the focus on the first one. With JavaScript the schema runs in the browser
 * first, so a mistake it can see is reported without posting anything; without it the server answers.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, signInContext, test } from './fixtures'
import { ADMIN_EMAIL, createInvitation, createUser, waitForHydration, type Lang } from './helpers'

const MANAGER_EMAIL = 'manager@demo.test'

interface FormCase {
  name: string
  lang: Lang
  /** Opens the page (signing in whoever uses the form) and returns the form. */
  open: (page: Page, lang: Lang) => Promise<Locator>
  /** Types the mistakes. */
  fill: (form: Locator) => Promise<void>
  submit: string
  /** Label and message of each field in error, in page order: the first one gets the focus. */
  errors: [label: string, message: string][]
  /** Only the server can tell (a wrong password, an address in use): with JavaScript it posts too. */
  serverOnly?: boolean
  /** What must still hold after the refused submit (nothing half-written, other forms untouched). */
  afterwards?: (page: Page) => Promise<void>
  /**
   * Corrects the mistakes; the next click must post. A corrected field once cleared its message only when
   * it lost the focus, i.e. on the button's mousedown: the button moved up and the click was lost.
   */
  fix?: (form: Locator) => Promise<void>
}

/** The form on the page that holds a button named `submit`. */
const formWith = (page: Page, submit: string) =>
  page.locator('form').filter({ has: page.getByRole('button', { name: submit, exact: true }) })

async function openAs(page: Page, email: string, path: string, submit: string) {
  await signInContext(page.context(), email)
  await page.goto(path)
  return formWith(page, submit)
}

async function openAccount(page: Page, lang: Lang, submit: string) {
  const user = await createUser('forms')
  const form = await openAs(page, user.email, `/${lang}/account`, submit)
  return { user, form }
}

const FORMS: FormCase[] = [
  {
    name: 'log in',
    lang: 'en',
    open: async (page, lang) => {
      await page.goto(`/${lang}/login`)
      return formWith(page, 'Log in')
    },
    fill: (form) => form.getByLabel('Email', { exact: true }).fill('not-an-address'),
    submit: 'Log in',
    fix: async (form) => {
      await form.getByLabel('Email', { exact: true }).fill('someone@demo.test')
      await form.getByLabel('Password', { exact: true }).fill('not-the-password')
    },
    errors: [
      ['Email', 'Enter a valid email address.'],
      ['Password', 'Enter your password.'],
    ],
  },
  {
    name: 'accept an invitation',
    lang: 'ru',
    open: async (page, lang) => {
      await page.goto(await createInvitation(lang))
      return formWith(page, 'Сохранить пароль и войти')
    },
    fill: async (form) => {
      await form.getByLabel('Новый пароль').fill('короткий')
      await form.getByLabel('Повторите пароль').fill('короткий')
    },
    submit: 'Сохранить пароль и войти',
    fix: async (form) => {
      await form.getByLabel('Новый пароль').fill('достаточно-длинный-пароль')
      await form.getByLabel('Повторите пароль').fill('достаточно-длинный-пароль')
    },
    errors: [['Новый пароль', 'Пароль должен содержать не менее 12 символов.']],
    // The form posts to its own address, the link.
    afterwards: async (page) => {
      expect((await page.goto(page.url()))?.status(), 'the invitation is still open').toBe(200)
    },
  },
  {
    name: 'change the password',
    lang: 'en',
    open: async (page, lang) => {
      const { user, form } = await openAccount(page, lang, 'Change password')
      await form.getByLabel('Current password').fill(user.password)
      return form
    },
    fill: async (form) => {
      await form.getByLabel('New password', { exact: true }).fill('too-short')
      await form.getByLabel('Repeat the new password').fill('too-short')
    },
    submit: 'Change password',
    fix: async (form) => {
      await form.getByLabel('New password', { exact: true }).fill('a-long-enough-password')
      await form.getByLabel('Repeat the new password').fill('a-long-enough-password')
    },
    errors: [['New password', 'The new password must be at least 12 characters long.']],
  },
  {
    name: 'change the password, wrong current password',
    lang: 'ru',
    open: async (page, lang) => (await openAccount(page, lang, 'Сменить пароль')).form,
    fill: async (form) => {
      await form.getByLabel('Текущий пароль').fill('not-my-password-2026')
      await form.getByLabel('Новый пароль', { exact: true }).fill('a-long-enough-password')
      await form.getByLabel('Повторите новый пароль').fill('a-long-enough-password')
    },
    submit: 'Сменить пароль',
    errors: [['Текущий пароль', 'Текущий пароль введён неверно.']],
    serverOnly: true,
  },
  {
    name: 'create a user',
    lang: 'en',
    open: (page, lang) => openAs(page, ADMIN_EMAIL, `/${lang}/admin/users/new`, 'Create user'),
    fill: async (form) => {
      await form.getByLabel('Email').fill('nobody@')
      await form.getByLabel('Initial password').fill('short')
    },
    submit: 'Create user',
    fix: async (form) => {
      await form.getByLabel('Email').fill(`forms-${Date.now()}@demo.test`)
      await form.getByLabel('Full name').fill('Forms Check')
      await form.getByLabel('Role').selectOption({ label: 'Instructor' })
      await form.getByLabel('Initial password').fill('a-long-enough-password')
    },
    errors: [
      ['Email', 'Enter a valid email address.'],
      ['Full name', "Enter the user's full name."],
      ['Initial password', 'The password must be at least 12 characters long.'],
    ],
  },
  {
    name: 'revoke a certificate',
    lang: 'ru',
    // With JavaScript the row's button opens a dialog (once hydrated), without it a confirmation page: the same form.
    open: async (page, lang) => {
      await signInContext(page.context(), ADMIN_EMAIL)
      await page.goto(`/${lang}/admin/certificates`)
      await page
        .getByRole('link', { name: /^Отозвать сертификат/ })
        .first()
        .click()
      return formWith(page, 'Отозвать сертификат')
    },
    fill: async () => {},
    submit: 'Отозвать сертификат',
    errors: [['Причина отзыва', 'Укажите причину длиной от 5 до 300 символов.']],
  },
  {
    name: 'invite an officer',
    lang: 'en',
    open: (page, lang) => openAs(page, MANAGER_EMAIL, `/${lang}/manage/officers`, 'Create the invitation'),
    fill: async (form) => {
      await form.getByLabel('E-mail').fill('officer.example.am')
      await form.getByLabel('Full name').fill('A')
    },
    submit: 'Create the invitation',
    fix: async (form) => {
      await form.getByLabel('E-mail').fill(`forms-${Date.now()}@demo.test`)
      await form.getByLabel('Full name').fill('Forms Check')
    },
    errors: [
      ['E-mail', 'Enter a valid e-mail address.'],
      ['Full name', "Enter the officer's full name."],
    ],
  },
  {
    name: 'invite an officer who already has an account',
    lang: 'ru',
    open: (page, lang) => openAs(page, MANAGER_EMAIL, `/${lang}/manage/officers`, 'Создать приглашение'),
    fill: async (form) => {
      await form.getByLabel('Эл. почта').fill('learner.ru@demo.test')
      await form.getByLabel('Ф. И. О.').fill('Анна Григорян')
    },
    submit: 'Создать приглашение',
    errors: [['Эл. почта', 'Учётная запись с этим адресом уже существует.']],
    serverOnly: true,
  },
  {
    name: 'assign a course',
    lang: 'en',
    open: (page, lang) => openAs(page, MANAGER_EMAIL, `/${lang}/manage/officers`, 'Assign'),
    fill: (form) => form.getByLabel('Due date').fill('2001-01-01'),
    submit: 'Assign',
    errors: [
      ['Course', 'Choose a course.'],
      ['Due date', 'Choose a due date from today on.'],
    ],
    // The invitation form on the same page keeps its own default (it once took this form's answer).
    afterwards: (page) => expect(page.getByLabel('Language of the platform')).toHaveValue('ru'),
  },
  {
    name: 'assign a course to nobody',
    lang: 'ru',
    open: (page, lang) => openAs(page, MANAGER_EMAIL, `/${lang}/manage/officers`, 'Назначить'),
    fill: async (form) => {
      await form.getByLabel('Курс').selectOption('cargo-container-control')
      await form.getByLabel('Срок прохождения').fill('2030-06-30')
    },
    submit: 'Назначить',
    errors: [['Подразделение целиком', 'Отметьте хотя бы одного сотрудника в списке или выберите подразделение.']],
  },
  {
    name: 'import officers',
    lang: 'ru',
    open: (page, lang) => openAs(page, MANAGER_EMAIL, `/${lang}/manage/import`, 'Проверить файл'),
    fill: async () => {},
    submit: 'Проверить файл',
    errors: [['CSV-файл', 'Выберите CSV-файл.']],
  },
]

/** The field is marked invalid and described by the element that shows `message`. */
async function expectFieldError(form: Locator, label: string, message: string) {
  const field = form.getByLabel(label, { exact: true })
  const shown = form.getByText(message, { exact: true })
  await expect(shown).toBeVisible()
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  const messageId = await shown.getAttribute('id')
  expect(messageId, `the element showing "${message}" has an id`).toBeTruthy()
  expect((await field.getAttribute('aria-describedby'))?.split(' ')).toContain(messageId)
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled })

    for (const form of FORMS) {
      test(`${form.name} (${form.lang})`, async ({ page }) => {
        const element = await form.open(page, form.lang)
        if (javaScriptEnabled) await waitForHydration(element)
        const posts: string[] = []
        page.on('request', (request) => {
          if (request.method() === 'POST') posts.push(request.url())
        })
        await form.fill(element)
        await element.getByRole('button', { name: form.submit, exact: true }).click()

        for (const [label, message] of form.errors) await expectFieldError(element, label, message)
        const [firstLabel] = form.errors[0]!
        await expect(element.getByLabel(firstLabel, { exact: true })).toBeFocused()
        if (javaScriptEnabled && !form.serverOnly) expect(posts, 'nothing was sent').toEqual([])
        await form.afterwards?.(page)

        if (!javaScriptEnabled || !form.fix) return
        await form.fix(element)
        await Promise.all([
          page.waitForRequest((request) => request.method() === 'POST'),
          element.getByRole('button', { name: form.submit, exact: true }).click(),
        ])
      })
    }
  })
}
