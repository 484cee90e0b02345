import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ConformForm, FormErrors, TextField, useValidatedForm } from '~/components/forms'
import { ThrottleAlert } from '~/components/throttle-alert'
import { keepRetryAfter, throttledInit } from '~/edge/throttled'
import { getServerT } from '~/i18n/i18n.server'
import { LoginSchema } from '~/modules/auth/auth.schema'
import { attemptLogin } from '~/modules/auth/login.server'
import { safeRedirect } from '~/modules/auth/redirect'
import { landingPathFor } from '~/modules/auth/landing'
import { sessionCookie } from '~/modules/auth/session-cookie'
import { createSession, invalidateSession } from '~/modules/auth/session.server'
import { titleMeta } from '~/utils/meta'
import { supportedLocale } from '~/i18n/config'
import { href } from '~/i18n/href'
import { useLocale } from '~/i18n/use-locale'
import { readForm } from '~/edge/request-form.server'
import { SubmitButton } from '~/components/submit-button'

export const handle = { i18n: ['auth'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (context.auth) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get('redirectTo'), href(context.locale, '/')))
  }
  const t = getServerT(context.locale, 'auth')
  return { title: t('login.title') }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export const headers = keepRetryAfter

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: LoginSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }), retryAfter: 0 }, { status: 400 })
  }
  const { email, password, redirectTo } = submission.value
  const outcome = await attemptLogin({ email, password, ip: context.clientIp })
  if (outcome.status === 'throttled') {
    const { retryAfterSeconds: retryAfter } = outcome
    return data({ result: submission.reply({ hideFields: ['password'] }), retryAfter }, throttledInit(retryAfter))
  }
  if (outcome.status === 'invalid') {
    return data(
      { result: submission.reply({ formErrors: ['login.invalid'], hideFields: ['password'] }), retryAfter: 0 },
      { status: 400 },
    )
  }
  // A new session on every login: whatever session id the browser had before is worthless now.
  if (context.auth) await invalidateSession({ sessionId: context.auth.sessionId })
  const session = await createSession({ userId: outcome.user.id })
  const landing = href(supportedLocale(outcome.user.preferredLocale), landingPathFor(outcome.user.role))
  return redirect(safeRedirect(redirectTo, landing), {
    headers: { 'Set-Cookie': sessionCookie({ ...session, secure: context.secureCookies }) },
  })
}

export default function Login() {
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { t } = useTranslation(['auth', 'common'])
  const locale = useLocale()
  const [form, fields] = useValidatedForm(LoginSchema, {
    lastResult: actionData?.result,
  })
  return (
    <>
      <h1>{t('login.title')}</h1>
      {actionData?.retryAfter ? (
        <ThrottleAlert seconds={actionData.retryAfter} />
      ) : (
        <FormErrors errors={form.errors} ns="auth" />
      )}
      <ConformForm form={form} method="post" className="form">
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <TextField meta={fields.email} label={t('login.email')} type="email" autoComplete="username" ns="auth" />
        <TextField
          meta={fields.password}
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          ns="auth"
        />
        <SubmitButton className="button">{t('login.submit')}</SubmitButton>
      </ConformForm>
      <p>
        <Link to={href(locale, '/forgot-password')}>{t('login.forgot')}</Link>
      </p>
      <p className="hint">{t('login.demoHint')}</p>
    </>
  )
}
