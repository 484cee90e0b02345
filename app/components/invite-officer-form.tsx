import { type SubmissionResult } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { ConformForm, SelectField, TextField, useValidatedForm } from '~/components/forms'
import { LOCALES } from '~/i18n/config'
import type { InvitationNotice } from '~/modules/manage/invitation-mail'
import { InviteSchema } from '~/modules/manage/manage.schema'
import { CopyLink } from './copy-link'
import { SubmitButton } from './submit-button'

/** Invites one officer; the outcome (e-mailed, or the link to copy) shows above the form. */
export function InviteOfficerForm({
  units,
  lastResult,
  invited,
}: {
  units: { id: string; name: string }[]
  lastResult: SubmissionResult<string[]> | null | undefined
  invited: InvitationNotice | null | undefined
}) {
  const { t } = useTranslation(['manage', 'common'])
  const [form, fields] = useValidatedForm(InviteSchema, {
    id: 'invite-officer',
    lastResult,
    defaultValue: { preferredLocale: 'ru' },
  })
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invite.title')}</h2>
      <p className="hint">{t('invite.hint')}</p>
      {invited ? <InvitationOutcome notice={invited} keys="invite" /> : null}
      <ConformForm form={form} method="post" className="form">
        <input type="hidden" name="intent" value="invite" />
        <TextField meta={fields.email} label={t('invite.email')} type="email" autoComplete="off" ns="manage" />
        <TextField meta={fields.displayName} label={t('invite.displayName')} autoComplete="off" ns="manage" />
        <SelectField meta={fields.unitId} label={t('invite.unit')} ns="manage">
          <option value="">{t('invite.noUnit')}</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </SelectField>
        <SelectField meta={fields.preferredLocale} label={t('invite.language')} ns="manage">
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {t(`common:language.${locale}`)}
            </option>
          ))}
        </SelectField>
        <SubmitButton className="button">{t('invite.submit')}</SubmitButton>
      </ConformForm>
    </section>
  )
}

/**
 * What became of a new invitation link (`keys`: a first invitation or a re-sent one): e-mailed, or
 * shown here once to be passed on, with a warning when the e-mail failed.
 */
export function InvitationOutcome({ notice, keys }: { notice: InvitationNotice; keys: 'invite' | 'resend' }) {
  const { t } = useTranslation('manage')
  const values = { name: notice.name, email: notice.email }
  if (notice.delivery === 'sent') {
    return (
      <p className="notice" role="status">
        {t(`${keys}.sent`, values)}
      </p>
    )
  }
  const failed = notice.delivery === 'failed'
  return (
    <div className={failed ? 'alert' : 'notice'} role={failed ? 'alert' : 'status'}>
      <p>{t(failed ? `${keys}.mailFailed` : `${keys}.created`, values)}</p>
      {notice.link ? (
        <p>
          <CopyLink link={notice.link} />
        </p>
      ) : null}
    </div>
  )
}
