import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ConformForm, FormErrors, SelectField, TextField, useValidatedForm } from '~/components/forms'
import { LOCALES } from '~/i18n/config'
import { getServerT } from '~/i18n/i18n.server'
import { changePassword, setPreferredLocale } from '~/modules/auth/account.server'
import { ChangePasswordSchema, PreferredLocaleSchema } from '~/modules/auth/auth.schema'
import { requireUser } from '~/edge/guard.server'
import { keepRetryAfter, throttledInit } from '~/edge/throttled'
import { ThrottleAlert } from '~/components/throttle-alert'
import { sessionCookie } from '~/modules/auth/session-cookie'
import { invariantResponse } from '~/utils/http'
import { href } from '~/i18n/href'
import { titleMeta } from '~/utils/meta'
import { readForm } from '~/edge/request-form.server'
import { SubmitButton } from '~/components/submit-button'

export const handle = { i18n: ['auth'] }

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args)
  const t = getServerT(args.context.locale, 'auth')
  const changed = new URL(args.request.url).searchParams.get('changed')
  return { title: t('account.title'), user, changed }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export const headers = keepRetryAfter

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args)
  const formData = await readForm(args.request)
  const intent = formData.get('intent')
  invariantResponse(intent === 'password' || intent === 'language', 'common:errors.unknownForm', { status: 400 })

  if (intent === 'language') {
    const submission = parseWithZod(formData, { schema: PreferredLocaleSchema })
    if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
    await setPreferredLocale({ userId: user.id, locale: submission.value.preferredLocale })
    return redirect(href(submission.value.preferredLocale, '/account', { query: { changed: 'language' } }))
  }

  const submission = parseWithZod(formData, { schema: ChangePasswordSchema })
  const secret = { hideFields: ['currentPassword', 'newPassword', 'confirmPassword'] }
  if (submission.status !== 'success') return data({ intent, result: submission.reply(secret) }, { status: 400 })
  const outcome = await changePassword({ userId: user.id, ip: args.context.clientIp, ...submission.value })
  if (outcome.status === 'throttled') {
    const { retryAfterSeconds: retryAfter } = outcome
    return data({ intent, result: submission.reply(secret), retryAfter }, throttledInit(retryAfter))
  }
  if (outcome.status === 'wrong-password') {
    return data(
      { intent, result: submission.reply({ ...secret, fieldErrors: { currentPassword: ['account.currentWrong'] } }) },
      { status: 400 },
    )
  }
  return redirect(href(args.context.locale, '/account', { query: { changed: 'password' } }), {
    headers: { 'Set-Cookie': sessionCookie({ ...outcome, secure: args.context.secureCookies }) },
  })
}

export default function Account() {
  const { user, changed } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['auth', 'common'])
  const [passwordForm, passwordFields] = useValidatedForm(ChangePasswordSchema, {
    id: 'password-form',
    lastResult: actionData?.intent === 'password' ? actionData.result : undefined,
  })
  const [languageForm, languageFields] = useValidatedForm(PreferredLocaleSchema, {
    id: 'language-form',
    lastResult: actionData?.intent === 'language' ? actionData.result : undefined,
    defaultValue: { preferredLocale: user.preferredLocale },
  })
  return (
    <>
      <h1>{t('account.title')}</h1>
      {changed === 'password' ? (
        <p className="notice" role="status">
          {t('account.passwordChanged')}
        </p>
      ) : null}
      {changed === 'language' ? (
        <p className="notice" role="status">
          {t('account.languageSaved')}
        </p>
      ) : null}
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">{t('account.details')}</h2>
        <dl>
          <dt>{t('account.name')}</dt>
          <dd>{user.displayName}</dd>
          <dt>{t('account.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('account.role')}</dt>
          <dd>{t(`common:roles.${user.role}`)}</dd>
        </dl>
      </section>
      <div className="grid-2">
        <section className="card" aria-labelledby="password-title">
          <h2 id="password-title">{t('account.passwordTitle')}</h2>
          {actionData && 'retryAfter' in actionData && typeof actionData.retryAfter === 'number' ? (
            <ThrottleAlert seconds={actionData.retryAfter} />
          ) : (
            <FormErrors errors={passwordForm.errors} ns="auth" />
          )}
          <ConformForm form={passwordForm} method="post" className="form">
            <input type="hidden" name="intent" value="password" />
            <TextField
              meta={passwordFields.currentPassword}
              label={t('account.currentPassword')}
              type="password"
              autoComplete="current-password"
              ns="auth"
            />
            <TextField
              meta={passwordFields.newPassword}
              label={t('account.newPassword')}
              hint={t('account.passwordHint')}
              type="password"
              autoComplete="new-password"
              ns="auth"
            />
            <TextField
              meta={passwordFields.confirmPassword}
              label={t('account.confirmPassword')}
              type="password"
              autoComplete="new-password"
              ns="auth"
            />
            <SubmitButton className="button">{t('account.changePassword')}</SubmitButton>
          </ConformForm>
        </section>
        <section className="card" aria-labelledby="language-title">
          <h2 id="language-title">{t('account.languageTitle')}</h2>
          <ConformForm form={languageForm} method="post" className="form">
            <input type="hidden" name="intent" value="language" />
            <SelectField
              meta={languageFields.preferredLocale}
              label={t('account.languageTitle')}
              hint={t('account.languageHint')}
              ns="auth"
            >
              {LOCALES.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {t(`common:language.${locale}`)}
                </option>
              ))}
            </SelectField>
            <SubmitButton className="button button--secondary">{t('account.saveLanguage')}</SubmitButton>
          </ConformForm>
        </section>
      </div>
    </>
  )
}
