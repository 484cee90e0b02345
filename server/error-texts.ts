// The server's own code runs outside the Vite build that bundles the translations for i18next: it reads
// its error texts straight from the locale files (a new language fails the type check here until added).
import type { Locale } from '~/i18n/config'
import en from '~/locales/en/common.json'
import ru from '~/locales/ru/common.json'

export const ERROR_TEXTS = { en: en.errors, ru: ru.errors } satisfies Record<Locale, unknown>
export type ErrorText = keyof typeof en.errors
