import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors } from '~/components/forms'
import { ReminderMessages } from '~/components/reminder-messages'
import { ReminderTable } from '~/components/reminder-table'
import { SubmitButton } from '~/components/submit-button'
import { loadRemindersPage, runRemindersAction } from '~/edge/reminders-page.server'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'
import { WITHIN_DAYS } from '~/modules/reminders/reminders.schema'
import { titleMeta } from '~/utils/meta'

export const handle = { i18n: ['manage'] }

export const loader = (args: LoaderFunctionArgs) => loadRemindersPage(args)

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

/** Send (or, without a mail server, compose) the ticked reminders; switch the weekly digest. */
export const action = (args: ActionFunctionArgs) => runRemindersAction(args)

export default function Reminders() {
  const { administration, within, total, rows, weeklyDigest, byEmail } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { t } = useTranslation('manage')
  const locale = useLocale()
  const sent = answer?.intent === 'send' ? answer : null
  return (
    <>
      <p>
        <Link to={href(locale, '/manage/matrix', { query: { administration: administration.code } })}>
          {t('reminders.back')}
        </Link>
      </p>
      <h1>{t('reminders.title')}</h1>
      <p className="lead">{administration.name}</p>
      <p>{byEmail ? t('reminders.introEmail') : t('reminders.introCopy')}</p>
      <Form method="get" className="form form--inline">
        <input type="hidden" name="administration" value={administration.code} />
        <div className="field">
          <label htmlFor="reminders-within">{t('reminders.within.label')}</label>
          <select id="reminders-within" name="within" defaultValue={String(within)}>
            {WITHIN_DAYS.map((days) => (
              <option key={days} value={days}>
                {days === 0 ? t('reminders.within.overdue') : t('reminders.within.days', { count: days })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('reminders.within.show')}
        </button>
      </Form>
      {sent && sent.result?.status === 'success' && byEmail ? (
        <div className="notice" role="status">
          <p>
            {sent.queued.length > 0 ? t('reminders.queued', { count: sent.queued.length }) : t('reminders.noneQueued')}
          </p>
          {sent.skipped.length > 0 ? (
            <>
              <p>{t('reminders.skipped', { count: sent.skipped.length })}</p>
              <ul>
                {sent.skipped.map((note) => (
                  <li key={`${note.officer} ${note.course}`}>
                    {note.officer} — {note.course}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {answer?.intent === 'digest' ? (
        <p className="notice" role="status">
          {answer.enabled ? t('reminders.digest.switchedOn') : t('reminders.digest.switchedOff')}
        </p>
      ) : null}
      <ReminderMessages messages={sent?.messages ?? []} />
      {rows.length === 0 ? (
        <p>{within === 0 ? t('reminders.noneOverdue') : t('reminders.noneDue', { count: within })}</p>
      ) : (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="send" />
          <FormErrors errors={sent?.result?.error?.enrolment ?? sent?.result?.error?.[''] ?? undefined} ns="manage" />
          <ReminderTable
            rows={rows}
            byEmail={byEmail}
            caption={`${t('reminders.caption')} · ${t('reminders.count', { count: total })}`}
          />
          {total > rows.length ? <p className="hint">{t('reminders.firstOnly', { count: rows.length })}</p> : null}
          <SubmitButton className="button">{byEmail ? t('reminders.send') : t('reminders.prepare')}</SubmitButton>
        </Form>
      )}
      <section className="card" aria-labelledby="weekly-digest-title">
        <h2 id="weekly-digest-title">{t('reminders.digest.title')}</h2>
        <p className="hint">{byEmail ? t('reminders.digest.hint') : t('reminders.digest.noMail')}</p>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="digest" />
          <div className="field field--checkbox">
            <input id="weekly-digest" type="checkbox" name="weeklyDigest" value="on" defaultChecked={weeklyDigest} />
            <label htmlFor="weekly-digest">{t('reminders.digest.label')}</label>
          </div>
          <SubmitButton className="button button--secondary">{t('reminders.digest.save')}</SubmitButton>
        </Form>
      </section>
    </>
  )
}
