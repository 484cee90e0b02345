import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ConformForm, FormErrors, SelectField, TextField, useValidatedForm } from '~/components/forms'
import { SubmitButton } from '~/components/submit-button'
import { requirePermission } from '~/edge/guard.server'
import { readForm } from '~/edge/request-form.server'
import { LOCALES } from '~/i18n/config'
import { getServerT } from '~/i18n/i18n.server'
import { href } from '~/i18n/href'
import { localizedName } from '~/i18n/localized'
import { useLocale } from '~/i18n/use-locale'
import { CreateUserSchema } from '~/modules/admin/users.schema'
import { createUser, listAdministrations } from '~/modules/admin/users.server'
import { Role } from '~/modules/auth/user'
import { titleMeta } from '~/utils/meta'

export const handle = { i18n: ['admin'] }

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, 'manage:users')
  const { locale } = args.context
  const t = getServerT(locale, 'admin')
  const administrations = await listAdministrations()
  return {
    title: t('users.createTitle'),
    administrations: administrations.map((a) => ({ id: a.id, name: localizedName(a.name, locale) })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export async function action(args: ActionFunctionArgs) {
  const admin = requirePermission(args, 'manage:users')
  const submission = parseWithZod(await readForm(args.request), { schema: CreateUserSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  const outcome = await createUser({ actorId: admin.id, input: submission.value })
  if (outcome.status !== 'ok') {
    const fieldErrors: Record<string, string[]> =
      outcome.status === 'email-taken'
        ? { email: ['users.emailTaken'] }
        : { administrationId: ['users.administrationUnknown'] }
    return data({ result: submission.reply({ fieldErrors, hideFields: ['password'] }) }, { status: 400 })
  }
  // Back to the list, showing the new account, with a notice.
  const { email } = submission.value
  return redirect(href(args.context.locale, '/admin/users', { query: { q: email, created: email } }))
}

export default function NewUser() {
  const { administrations } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['admin', 'common'])
  const locale = useLocale()
  const [form, fields] = useValidatedForm(CreateUserSchema, {
    id: 'create-user',
    lastResult: actionData?.result,
    defaultValue: { role: Role.LEARNER, preferredLocale: 'en' },
  })
  return (
    <>
      <h1>{t('users.createTitle')}</h1>
      <p className="lead">{t('users.createIntro')}</p>
      <FormErrors errors={form.errors} ns="admin" />
      <ConformForm form={form} method="post" className="form card">
        <input type="hidden" name="intent" value="create" />
        <TextField meta={fields.email} label={t('users.email')} type="email" autoComplete="off" ns="admin" />
        <TextField meta={fields.displayName} label={t('users.displayName')} autoComplete="off" ns="admin" />
        <SelectField meta={fields.role} label={t('users.role')} ns="admin">
          {Object.values(Role).map((role) => (
            <option key={role} value={role}>
              {t(`common:roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <SelectField meta={fields.administrationId} label={t('users.administration')} ns="admin">
          <option value="">{t('users.noAdministration')}</option>
          {administrations.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <SelectField meta={fields.preferredLocale} label={t('users.locale')} ns="admin">
          {LOCALES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`common:language.${language}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          meta={fields.password}
          label={t('users.password')}
          hint={t('users.passwordHint')}
          type="password"
          autoComplete="new-password"
          ns="admin"
        />
        <SubmitButton className="button">{t('users.create')}</SubmitButton>
      </ConformForm>
      <p>
        <Link to={href(locale, '/admin/users')}>{t('users.back')}</Link>
      </p>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
