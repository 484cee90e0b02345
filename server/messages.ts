// The app's own words (app/locales/<lng>/common.json) for the answers Express gives before Remix runs.
// i18n.server.ts cannot serve here: it gathers the files with Vite's import.meta.glob, which only the
// built app has, and the server runs from source.
import { readFileSync } from 'node:fs'
import { LOCALES, type Locale } from '~/i18n/config'

const common = new Map<Locale, unknown>(
  LOCALES.map((locale) => {
    const file = new URL(`../app/locales/${locale}/common.json`, import.meta.url)
    return [locale, JSON.parse(readFileSync(file, 'utf8'))]
  }),
)

/** The `common` namespace's text at `key` (`errors.tooLarge`) in `locale`; the key itself if there is none. */
export function commonText(locale: Locale, key: string): string {
  let value = common.get(locale)
  for (const part of key.split('.')) value = value && typeof value === 'object' ? Reflect.get(value, part) : undefined
  return typeof value === 'string' ? value : key
}
