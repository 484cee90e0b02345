import { useTranslation } from 'react-i18next'
import { useLocale } from '~/i18n/use-locale'
import type { ReminderState } from '~/modules/reminders/reminders'
import { formatDate } from '~/utils/format'
import { ScrollTable } from './data-table'

export interface ReminderRow {
  id: string
  officer: string
  email: string
  language: string
  course: string
  dueAt: Date | string
  days: number
  reminder: ReminderState
}

/**
 * The assignments to remind of, one tick each. With e-mail, one already reminded of today cannot be
 * ticked again, and its row says why (one reminder per officer, course and day: ADR 033).
 */
export function ReminderTable({ rows, caption, byEmail }: { rows: ReminderRow[]; caption: string; byEmail: boolean }) {
  const { t } = useTranslation('manage')
  const locale = useLocale()
  const columns = [
    <span key="tick" className="visually-hidden">
      {t('reminders.table.select')}
    </span>,
    t('reminders.table.officer'),
    t('reminders.table.course'),
    t('reminders.table.due'),
    t('reminders.table.language'),
    t('reminders.table.today'),
  ]
  return (
    <ScrollTable caption={caption} columns={columns} stackOnPhone>
      {rows.map((row) => {
        // One e-mail a day; today's that could not be sent at all may be asked for again.
        const throttled = byEmail && row.reminder !== 'none' && row.reminder !== 'failed'
        return (
          <tr key={row.id}>
            <td>
              <input
                type="checkbox"
                name="enrolment"
                value={row.id}
                disabled={throttled}
                aria-label={t('reminders.table.tick', { officer: row.officer, course: row.course })}
              />
            </td>
            <td data-label={t('reminders.table.officer')}>
              {row.officer}
              <br />
              <span className="hint">{row.email}</span>
            </td>
            <td data-label={t('reminders.table.course')}>{row.course}</td>
            <td data-label={t('reminders.table.due')}>
              {formatDate(row.dueAt, locale)}
              <br />
              <span className={row.days < 0 ? 'due--overdue' : 'hint'}>
                {row.days < 0
                  ? t('reminders.table.overdueDays', { count: -row.days })
                  : t('reminders.table.dueInDays', { count: row.days })}
              </span>
            </td>
            <td data-label={t('reminders.table.language')}>
              {t(`reminders.language.${row.language === 'ru' ? 'ru' : 'en'}`)}
            </td>
            <td data-label={t('reminders.table.today')}>
              {row.reminder === 'none' ? '—' : t(`reminders.state.${row.reminder}`)}
              {throttled ? (
                <>
                  <br />
                  <span className="hint">{t('reminders.table.tomorrow')}</span>
                </>
              ) : null}
            </td>
          </tr>
        )
      })}
    </ScrollTable>
  )
}
