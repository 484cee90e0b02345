import { describe, expect, it } from 'vitest'
import { formatDate } from '~/utils/format'
import { composeReminderMail, dayOf, daysUntil, digestKey, isDigestTime, isoWeekOf, reminderKey } from './reminders'

const t = (key: string, options?: Record<string, string | number>) => `${key}${JSON.stringify(options ?? {})}`

describe('reminder keys', () => {
  it('are one per officer, course and UTC day', () => {
    const morning = new Date('2026-12-07T00:10:00Z')
    const evening = new Date('2026-12-07T23:50:00Z')
    const key = (at: Date) => reminderKey({ officerId: 'o1', courseId: 'c1', at })
    expect(key(morning)).toBe(key(evening))
    expect(key(new Date('2026-12-08T00:00:00Z'))).not.toBe(key(evening))
    expect(dayOf(morning)).toBe('2026-12-07')
  })

  it('give one digest per coordinator and ISO week', () => {
    expect(isoWeekOf(new Date('2026-12-07T08:00:00Z'))).toBe('2026-W50')
    expect(isoWeekOf(new Date('2026-12-13T23:00:00Z'))).toBe('2026-W50')
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53')
    expect(digestKey({ coordinatorId: 'm', at: new Date('2026-12-14T06:00:00Z') })).toBe('digest:m:2026-W51')
  })

  it('send the digest from Monday 06:00 UTC', () => {
    expect(isDigestTime(new Date('2026-12-07T05:59:00Z'))).toBe(false)
    expect(isDigestTime(new Date('2026-12-07T06:00:00Z'))).toBe(true)
    expect(isDigestTime(new Date('2026-12-09T01:00:00Z'))).toBe(true)
  })

  it('count whole days to the due date, negative when overdue', () => {
    const now = new Date('2026-12-07T12:00:00Z')
    expect(daysUntil(new Date('2026-12-05T12:00:00Z'), now)).toBe(-2)
    expect(daysUntil(new Date('2026-12-10T13:00:00Z'), now)).toBe(3)
  })
})

describe('the reminder e-mail', () => {
  const base = {
    t,
    name: 'Anna <b>',
    course: 'Single Window',
    courseSlug: 'single-window',
    now: new Date('2026-12-07T12:00:00Z'),
    baseUrl: 'https://training.example.org',
  }

  it('says the course is overdue, with the date in the officer’s language and a link to the course', () => {
    const mail = composeReminderMail({ ...base, locale: 'ru', dueAt: new Date('2026-12-01T00:00:00Z') })
    expect(mail.subject).toContain('reminder.subject.overdue')
    expect(mail.text).toContain('1 декабря 2026')
    expect(mail.text).toContain('https://training.example.org/ru/courses/single-window')
    expect(mail.html).toContain('Anna &lt;b&gt;')
  })

  it('says when it is due when not overdue yet', () => {
    const mail = composeReminderMail({ ...base, locale: 'en', dueAt: new Date('2026-12-20T00:00:00Z') })
    expect(mail.subject).toContain('reminder.subject.due')
    expect(mail.text).toContain(formatDate(new Date('2026-12-20T00:00:00Z'), 'en'))
    expect(mail.text).toContain('/en/courses/single-window')
  })
})
