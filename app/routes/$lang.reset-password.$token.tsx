import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ConformForm, FormErrors, TextField, useValidatedForm } from '~/components/forms'
import { readForm } from '~/edge/request-form.server'
import { href } from '~/i18n/href'
import { getServerT } from '~/i18n/i18n.server'
import { useLocale } from '~/i18n/use-locale'
import { ResetPasswordSchema } from '~/modules/auth/auth.schema'
import { completePasswordReset, findOpenPasswordReset } from '~/modules/auth/password-reset.server'
import { sessionCookie } from '~/modules/auth/session-cookie'
import { createSession, invalidateSession } from '~/modules/auth/session.server'
import { titleMeta } from '~/utils/meta'

export const handle = { i18n: ['auth'] }

/**
 * The page a reset link opens, e-mailed or issued by a coordinator (ADR 029). A used or expired link is
 * a 410 with what to do next, not the general "not found".
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const reset = await findOpenPasswordReset({ token: params.token ?? '' })
  const t = getServerT(context.locale, 'auth')
  if (!reset) return data({ title: t('reset.invalidTitle'), email: null }, { status: 410 })
  return { title: t('reset.title'), email: reset.user.email }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...titleMeta(data),
  // The token is in the address: keep it out of search engines (see the invitation page).
  { name: 'robots', content: 'noindex' },
]

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: ResetPasswordSchema })
  const secret = { hideFields: ['newPassword', 'confirmPassword'] }
  if (submission.status !== 'success') return data({ result: submission.reply(secret) }, { status: 400 })
  const userId = await completePasswordReset({ token: params.token ?? '', password: submission.value.newPassword })
  if (!userId) return data({ result: submission.reply({ ...secret, formErrors: ['reset.invalid'] }) }, { status: 410 })
  // Every session of the user has ended; whoever was signed in in this browser is signed out too.
  if (context.auth) await invalidateSession({ sessionId: context.auth.sessionId })
  const session = await createSession({ userId })
  return redirect(href(context.locale, '/account', { query: { changed: 'password' } }), {
    headers: { 'Set-Cookie': sessionCookie({ ...session, secure: context.secureCookies }) },
  })
}

export default function ResetPassword() {
  const { email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('auth')
  const locale = useLocale()
  const [form, fields] = useValidatedForm(ResetPasswordSchema, {
    id: 'reset-password',
    lastResult: actionData?.result,
  })
  if (!email) {
    return (
      <section className="card narrow" aria-labelledby="reset-title">
        <h1 id="reset-title">{t('reset.invalidTitle')}</h1>
        <p>{t('reset.invalid')}</p>
        <p>
          <Link to={href(locale, '/forgot-password')}>{t('reset.askAgain')}</Link>
        </p>
      </section>
    )
  }
  return (
    <section className="card narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('reset.title')}</h1>
      <p>{t('reset.intro', { email })}</p>
      <FormErrors errors={form.errors} ns="auth" />
      <ConformForm form={form} method="post" className="form">
        <TextField
          meta={fields.newPassword}
          label={t('reset.password')}
          hint={t('account.passwordHint')}
          type="password"
          autoComplete="new-password"
          ns="auth"
        />
        <TextField
          meta={fields.confirmPassword}
          label={t('reset.confirmPassword')}
          type="password"
          autoComplete="new-password"
          ns="auth"
        />
        <button type="submit" className="button">
          {t('reset.submit')}
        </button>
      </ConformForm>
    </section>
  )
}
