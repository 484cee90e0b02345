import { describe, expect, it } from 'vitest'
import { LOCALES } from '~/i18n/config'
import {
  changedFields,
  confirmAllDetails,
  confirmDetailsField,
  detailsProblems,
  detailsStatus,
  outOfDateDetails,
  parseDetailsConfirmed,
  storedConfirmed,
  type CourseDetails,
  type DetailsConfirmed,
} from './course-details'
import { TEXT_FIELDS } from './course.schema'

const published: CourseDetails = {
  category: 'border-control',
  title: { en: 'Seals', ru: 'Пломбы' },
  summary: { en: 'How to check a seal.', ru: 'Как проверить пломбу.' },
  objectives: { en: ['Check a seal.', 'Record its number.'], ru: ['Проверять пломбу.', 'Записывать её номер.'] },
  certificateValidityMonths: 24,
  passMark: 70,
}

const states = (details: CourseDetails, confirmed: DetailsConfirmed) => {
  const status = detailsStatus(details, confirmed)
  return TEXT_FIELDS.flatMap((field) => LOCALES.map((locale) => `${field}.${locale}=${status[field][locale].state}`))
}

describe('changedFields', () => {
  it('names each field that differs, each language apart, in the form’s order', () => {
    const draft = { ...published, summary: { ...published.summary, ru: 'Иначе.' }, passMark: 80 }
    expect(changedFields(draft, published)).toEqual(['summary.ru', 'passMark'])
    expect(changedFields(published, published)).toEqual([])
    expect(changedFields({ ...published, category: 'x', certificateValidityMonths: null }, published)).toEqual([
      'category',
      'certificateValidityMonths',
    ])
  })

  it('compares objectives as lists: a reordered or dropped one is a change of that language', () => {
    const reordered = { ...published.objectives, en: [...published.objectives.en].reverse() }
    expect(changedFields({ ...published, objectives: reordered }, published)).toEqual(['objectives.en'])
    const fewer = { ...published.objectives, ru: ['Проверять пломбу.'] }
    expect(changedFields({ ...published, objectives: fewer }, published)).toEqual(['objectives.ru'])
  })
})

describe('translation status of the details', () => {
  const confirmed = confirmAllDetails(published)

  it('finds published details up to date, and flags the other language of a changed text only', () => {
    expect(states(published, confirmed)).toEqual([
      'title.en=upToDate',
      'title.ru=upToDate',
      'summary.en=upToDate',
      'summary.ru=upToDate',
      'objectives.en=upToDate',
      'objectives.ru=upToDate',
    ])
    const edited = { ...published, summary: { ...published.summary, ru: 'Как проверить пломбу и печать.' } }
    expect(states(edited, confirmed)).toEqual([
      'title.en=upToDate',
      'title.ru=upToDate',
      'summary.en=outOfDate',
      'summary.ru=upToDate',
      'objectives.en=upToDate',
      'objectives.ru=upToDate',
    ])
    expect(outOfDateDetails(detailsStatus(edited, confirmed))).toEqual(['en'])
    expect(states({ ...published, title: { en: 'Seals', ru: ' ' } }, confirmed)).toContain('title.ru=missing')
  })

  it('clears the flag both ways when one language is marked as up to date', () => {
    const edited = { ...published, summary: { ...published.summary, ru: 'Как проверить пломбу и печать.' } }
    const marked = confirmDetailsField(edited, confirmed, 'en', 'summary')
    expect(marked).not.toBeNull()
    expect(outOfDateDetails(detailsStatus(edited, marked!))).toEqual([])
    expect(confirmDetailsField({ ...edited, summary: { en: '', ru: 'x' } }, confirmed, 'en', 'summary')).toBeNull()
  })

  it('flags the objectives of the other language, and marks them up to date, apart from the other texts', () => {
    const objectives = { ...published.objectives, en: [...published.objectives.en, 'Report a broken seal.'] }
    const edited = { ...published, objectives }
    expect(states(edited, confirmed).filter((state) => state.endsWith('outOfDate'))).toEqual([
      'objectives.ru=outOfDate',
    ])
    expect(detailsStatus(edited, confirmed).objectives.ru.outOfDateAgainst).toEqual(['en'])
    const marked = confirmDetailsField(edited, confirmed, 'ru', 'objectives')
    expect(outOfDateDetails(detailsStatus(edited, marked!))).toEqual([])
    expect(marked!.en.summary).toEqual(confirmed.en.summary)
    expect(states({ ...published, objectives: { en: [], ru: ['Пломба.'] } }, confirmed)).toContain(
      'objectives.en=missing',
    )
  })

  it('stores the summary under its own name and reads back what it stored; unreadable JSON is never confirmed', () => {
    const json = JSON.parse(JSON.stringify(storedConfirmed(confirmed)))
    expect(Object.keys(json.ru)).toEqual(['title', 'summary', 'objectives'])
    expect(json.ru.objectives.en.text).toBe('Check a seal.\nRecord its number.')
    expect(parseDetailsConfirmed(json)).toEqual(confirmed)
    const edited = { ...published, title: { ...published.title, en: 'Seals and locks' } }
    expect(outOfDateDetails(detailsStatus(edited, parseDetailsConfirmed('nonsense')))).toEqual(['en', 'ru'])
    expect(states(edited, parseDetailsConfirmed(json))).toContain('title.ru=outOfDate')
  })
})

describe('detailsProblems', () => {
  it('finds nothing wrong with details a package could hold', () => {
    expect(detailsProblems(published, { finalExam: true })).toEqual([])
    expect(detailsProblems({ ...published, passMark: null }, { finalExam: false })).toEqual([])
  })

  it('names each field the package validator refuses in strict mode', () => {
    const bad: CourseDetails = {
      category: 'smuggling',
      title: { en: 'Seals', ru: '' },
      summary: { en: 'x'.repeat(1001), ru: 'Коротко.' },
      objectives: published.objectives,
      certificateValidityMonths: 121,
      passMark: 0,
    }
    expect(detailsProblems(bad, { finalExam: true }).sort()).toEqual(
      ['category', 'certificateValidityMonths', 'passMark', 'summary.en'].sort(),
    )
    expect(detailsProblems({ ...published, title: { en: 'Seals', ru: ' ' } }, { finalExam: true })).toEqual([
      'title.ru',
    ])
    expect(detailsProblems({ ...published, summary: { en: '', ru: '' } }, { finalExam: true })).toEqual([
      'summary.en',
      'summary.ru',
    ])
  })

  it('names the objectives of a language that has none, too many or one too long (COURSE_LIMITS)', () => {
    const { en, ru } = published.objectives
    const problems = (objectives: CourseDetails['objectives']) =>
      detailsProblems({ ...published, objectives }, { finalExam: true })
    expect(problems({ en, ru: [] })).toEqual(['objectives.ru'])
    expect(problems({ en: [], ru: [] })).toEqual(['objectives.en', 'objectives.ru'])
    expect(problems({ en: Array.from({ length: 9 }, (_, n) => `Objective ${n}.`), ru })).toEqual(['objectives.en'])
    expect(problems({ en, ru: ['я'.repeat(301)] })).toEqual(['objectives.ru'])
    expect(problems({ en, ru: ['я'.repeat(300)] })).toEqual([])
    expect(problems({ en: ['Two\nlines.'], ru })).toEqual(['objectives.en'])
  })
})
