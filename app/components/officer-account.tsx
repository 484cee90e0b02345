import { type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ConformForm, TextField, useValidatedForm } from '~/components/forms'
import { useLocale } from '~/i18n/use-locale'
import { LatinNameSchema } from '~/modules/manage/manage.schema'
import { formatDateTime } from '~/utils/format'
import { CopyLink } from './copy-link'

/** The officer's name in Latin script, as the English half of their certificates prints it (ADR 029). */
export function LatinNameForm({
  latinName,
  lastResult,
}: {
  latinName: string | null
  lastResult: SubmissionResult<string[]> | null | undefined
}) {
  const { t } = useTranslation('manage')
  const [form, fields] = useValidatedForm(LatinNameSchema, {
    id: 'latin-name',
    lastResult,
    defaultValue: { latinName: latinName ?? '' },
  })
  return (
    <section className="card" aria-labelledby="latin-name-title">
      <h2 id="latin-name-title">{t('latinName.title')}</h2>
      {lastResult?.status === 'success' ? (
        <p className="notice" role="status">
          {t('latinName.saved')}
        </p>
      ) : null}
      <ConformForm form={form} method="post" className="form">
        <input type="hidden" name="intent" value="latin-name" />
        <TextField
          meta={fields.latinName}
          label={t('latinName.label')}
          hint={t('latinName.hint')}
          autoComplete="off"
          ns="manage"
        />
        <button type="submit" className="button button--secondary">
          {t('latinName.save')}
        </button>
      </ConformForm>
    </section>
  )
}

/** A new sign-in link for an officer without e-mail at work; shown once, to be copied (ADR 029). */
export function SignInLinkForm({
  active,
  issued,
}: {
  active: boolean
  issued: { name: string; link: string; expiresAt: Date | string } | null | undefined
}) {
  const { t } = useTranslation('manage')
  const locale = useLocale()
  return (
    <section className="card" aria-labelledby="sign-in-link-title">
      <h2 id="sign-in-link-title">{t('signInLink.title')}</h2>
      {issued ? (
        <div className="notice" role="status">
          <p>{t('signInLink.created', { name: issued.name, date: formatDateTime(issued.expiresAt, locale) })}</p>
          <p>
            <CopyLink link={issued.link} />
          </p>
        </div>
      ) : null}
      {active ? (
        <>
          <p className="hint">{t('signInLink.hint')}</p>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="sign-in-link" />
            <button type="submit" className="button button--secondary">
              {t('signInLink.submit')}
            </button>
          </Form>
        </>
      ) : (
        <p className="hint">{t('signInLink.unavailable')}</p>
      )}
    </section>
  )
}
