import { describe, expect, it } from 'vitest'
import { LOCALES } from '~/i18n/config'
import {
  confirmAll,
  confirmField,
  FIELDS,
  translationStatus,
  withConfirmed,
  type DraftTexts,
  type Field,
} from './translation-status'

const texts = (en: { title: string; markdown: string }, ru: { title: string; markdown: string }): DraftTexts => {
  const confirmed = confirmAll({ en, ru })
  return { en: { ...en, confirmed: confirmed.en }, ru: { ...ru, confirmed: confirmed.ru } }
}
const base = () =>
  texts({ title: 'Seals', markdown: 'Check the seal.' }, { title: 'Пломбы', markdown: 'Проверьте пломбу.' })
const edit = (draft: DraftTexts, locale: 'en' | 'ru', field: Field, value: string): DraftTexts => ({
  ...draft,
  [locale]: { ...draft[locale], [field === 'title' ? 'title' : 'markdown']: value },
})
const states = (draft: DraftTexts) => {
  const status = translationStatus(draft)
  return FIELDS.flatMap((field) => LOCALES.map((locale) => `${field}.${locale}=${status[field][locale].state}`))
}

describe('translationStatus', () => {
  it('finds a text just taken from a package up to date in every field and language', () => {
    expect(states(base())).toEqual(['title.en=upToDate', 'title.ru=upToDate', 'body.en=upToDate', 'body.ru=upToDate'])
  })

  it.each([
    ['title', 'en', 'ru'],
    ['title', 'ru', 'en'],
    ['body', 'en', 'ru'],
    ['body', 'ru', 'en'],
  ] as const)(
    'flags only the other language, only in that field, when the %s in %s changes',
    (field, changed, other) => {
      const status = translationStatus(edit(base(), changed, field, 'A new text entirely'))
      expect(status[field][other]).toEqual({ state: 'outOfDate', outOfDateAgainst: [changed] })
      expect(status[field][changed].state).toBe('upToDate')
      const otherField = field === 'title' ? 'body' : 'title'
      expect(LOCALES.map((locale) => status[otherField][locale].state)).toEqual(['upToDate', 'upToDate'])
    },
  )

  it('calls an empty or blank text missing, and never flags a text against a missing one', () => {
    const status = translationStatus(edit(edit(base(), 'ru', 'body', '  \n'), 'en', 'body', 'Changed.'))
    expect(status.body.ru).toEqual({ state: 'missing', outOfDateAgainst: [] })
    expect(status.body.en.state).toBe('upToDate')
  })

  it('flags both directions when both texts changed since they were confirmed', () => {
    const draft = edit(edit(base(), 'en', 'body', 'Check both seals.'), 'ru', 'body', 'Проверьте обе пломбы.')
    expect(states(draft)).toContain('body.en=outOfDate')
    expect(states(draft)).toContain('body.ru=outOfDate')
  })
})

describe('confirmField (mark as up to date)', () => {
  it('clears the flag of that field both ways and keeps the confirmed source text for a diff', () => {
    const edited = edit(edit(base(), 'en', 'body', 'Check both seals.'), 'ru', 'body', 'Проверьте обе пломбы.')
    const updated = confirmField(edited, 'ru', 'body')
    expect(updated.ru?.body.en?.text).toBe('Check both seals.')
    expect(updated.en?.body.ru?.text).toBe('Проверьте обе пломбы.')
    expect(states(withConfirmed(edited, updated))).toEqual([
      'title.en=upToDate',
      'title.ru=upToDate',
      'body.en=upToDate',
      'body.ru=upToDate',
    ])
  })

  it('leaves the other field flagged, and confirms nothing for a missing text', () => {
    const edited = edit(edit(base(), 'en', 'title', 'Seal checks'), 'en', 'body', 'Changed.')
    const after = withConfirmed(edited, confirmField(edited, 'ru', 'title'))
    expect(translationStatus(after).body.ru.state).toBe('outOfDate')
    expect(translationStatus(after).title.ru.state).toBe('upToDate')
    expect(confirmField(edit(base(), 'ru', 'title', ''), 'ru', 'title')).toEqual({})
  })
})
