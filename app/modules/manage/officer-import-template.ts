import type { Locale } from '~/i18n/config'

/**
 * The officer file to start from, in the coordinator's language: every column the import reads, the
 * optional name in Latin script (ADR 029) and language included, and one example line. The headers are
 * among those `findColumns` recognises, so the template as downloaded passes the import's checks once
 * the example's e-mail is replaced; the unit is one of the administration's own when it has units.
 */
export function officerImportTemplate({ locale, unitName }: { locale: Locale; unitName: string | null }) {
  const { headers, example } = TEMPLATES[locale]
  return { headers, rows: [[...example.slice(0, 3), unitName ?? '', example[3]]] }
}

const TEMPLATES: Record<Locale, { headers: string[]; example: [string, string, string, string] }> = {
  en: {
    headers: ['E-mail', 'Full name', 'Latin name', 'Unit', 'Language'],
    example: ['armen.grigoryan@example.org', 'Armen Grigoryan', 'Armen Grigoryan', 'en'],
  },
  ru: {
    headers: ['Эл. почта', 'ФИО', 'ФИО латиницей', 'Подразделение', 'Язык'],
    example: ['ivan.petrov@example.org', 'Петров Иван Сергеевич', 'Petrov Ivan', 'ru'],
  },
}
