import { z } from 'zod'
import type { Locale } from '~/i18n/config'

const localizedMap = z.record(z.string(), z.unknown())

/** One locale's text from a stored `{"en": …, "ru": …}` map; empty ("missing") when absent. */
export function textOf(map: unknown, locale: Locale): string {
  const parsed = localizedMap.safeParse(map)
  const value = parsed.success ? parsed.data[locale] : undefined
  return typeof value === 'string' ? value : ''
}
