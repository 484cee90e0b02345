import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ConformForm, FormErrors, TextField, useValidatedForm } from '~/components/forms'
import { ThrottleAlert } from '~/components/throttle-alert'
import { keepRetryAfter, throttledInit } from '~/edge/throttled'
import { readForm } from '~/edge/request-form.server'
import { href } from '~/i18n/href'
import { getServerT, translatorFor } from '~/i18n/i18n.server'
import { useLocale } from '~/i18n/use-locale'
import { ForgotPasswordSchema } from '~/modules/auth/auth.schema'
import { requestPasswordReset } from '~/modules/auth/password-reset.server'
import { getMailer } from '~/modules/platform/mailer.server'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'

export const handle = { i18n: ['auth'] }

/** "Forgot your password?" (ADR 029): a link by e-mail when the platform sends e-mail, else the coordinator. */
export async function loader({ context }: LoaderFunctionArgs) {
  if (context.auth) throw redirect(href(context.locale, '/account'))
  const t = getServerT(context.locale, 'auth')
  return { title: t('forgot.title'), mailConfigured: getMailer().configured }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export const headers = keepRetryAfter

export async function action({ request, context }: ActionFunctionArgs) {
  invariantResponse(getMailer().configured, 'auth:forgot.noMail', { status: 404 })
  const submission = parseWithZod(await readForm(request), { schema: ForgotPasswordSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), sentTo: null, retryAfter: 0 }, { status: 400 })
  const { email } = submission.value
  const outcome = await requestPasswordReset({ email, ip: context.clientIp, translate: translatorFor('mail') })
  if (outcome.status === 'throttled') {
    const { retryAfterSeconds: retryAfter } = outcome
    return data({ result: submission.reply(), sentTo: null, retryAfter }, throttledInit(retryAfter))
  }
  // The same answer for every address, at once: the e-mail, if any, is sent after it.
  return { result: submission.reply({ resetForm: true }), sentTo: email, retryAfter: 0 }
}

export default function ForgotPassword() {
  const { mailConfigured } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('auth')
  const locale = useLocale()
  const [form, fields] = useValidatedForm(ForgotPasswordSchema, {
    id: 'forgot-password',
    lastResult: actionData?.result,
  })
  return (
    <section className="card narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('forgot.title')}</h1>
      {!mailConfigured ? (
        <p>{t('forgot.noMail')}</p>
      ) : actionData?.sentTo ? (
        <p className="notice" role="status">
          {t('forgot.sent', { email: actionData.sentTo })}
        </p>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          {actionData?.retryAfter ? (
            <ThrottleAlert seconds={actionData.retryAfter} />
          ) : (
            <FormErrors errors={form.errors} ns="auth" />
          )}
          <ConformForm form={form} method="post" className="form">
            <TextField meta={fields.email} label={t('forgot.email')} type="email" autoComplete="username" ns="auth" />
            <button type="submit" className="button">
              {t('forgot.submit')}
            </button>
          </ConformForm>
        </>
      )}
      <p>
        <Link to={href(locale, '/login')}>{t('forgot.backToLogin')}</Link>
      </p>
    </section>
  )
}
