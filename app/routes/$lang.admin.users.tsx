import { useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ConformForm, FormErrors, SelectField, TextField } from '~/components/forms'
import { IntentButton } from '~/components/intent-button'
import { Role } from '~/modules/auth/user'
import { LOCALES } from '~/i18n/config'
import { getServerT } from '~/i18n/i18n.server'
import { CreateUserSchema, SetUserStatusSchema } from '~/modules/admin/users.schema'
import { createUser, listAdministrations, listUsers, setUserDisabled } from '~/modules/admin/users.server'
import { requirePermission } from '~/edge/guard.server'
import { localizedName } from '~/i18n/localized'
import { formatDate } from '~/utils/format'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'
import { href } from '~/i18n/href'
import { readForm } from '~/edge/request-form.server'
import { SubmitButton } from '~/components/submit-button'

export const handle = { i18n: ['admin'] }

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, 'manage:users')
  const { locale } = args.context
  const t = getServerT(locale, 'admin')
  const [users, administrations] = await Promise.all([listUsers(), listAdministrations()])
  return {
    title: t('users.title'),
    locale,
    users: users.map(({ administration, ...user }) => ({
      ...user,
      administration: administration ? localizedName(administration.name, locale) : null,
    })),
    administrations: administrations.map((a) => ({ id: a.id, name: localizedName(a.name, locale) })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

export async function action(args: ActionFunctionArgs) {
  const admin = requirePermission(args, 'manage:users')
  const formData = await readForm(args.request)
  if (formData.get('intent') === 'create') {
    const submission = parseWithZod(formData, { schema: CreateUserSchema })
    if (submission.status !== 'success')
      return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
    const outcome = await createUser({ actorId: admin.id, input: submission.value })
    if (outcome.status === 'email-taken') {
      return data(
        { result: submission.reply({ fieldErrors: { email: ['users.emailTaken'] }, hideFields: ['password'] }) },
        { status: 400 },
      )
    }
    if (outcome.status === 'unknown-administration') {
      return data(
        {
          result: submission.reply({
            fieldErrors: { administrationId: ['users.administrationUnknown'] },
            hideFields: ['password'],
          }),
        },
        { status: 400 },
      )
    }
    return redirect(href(args.context.locale, '/admin/users', { query: { created: submission.value.email } }))
  }
  const status = SetUserStatusSchema.safeParse(Object.fromEntries(formData))
  invariantResponse(status.success, 'common:errors.unknownForm', { status: 400 })
  const outcome = await setUserDisabled({
    actorId: admin.id,
    userId: status.data.userId,
    disabled: status.data.intent === 'disable',
  })
  invariantResponse(outcome !== 'not-found', 'Not found', { status: 404 })
  if (outcome === 'self') return data({ result: undefined, statusError: 'users.cannotDisableSelf' }, { status: 400 })
  return redirect(href(args.context.locale, '/admin/users', { query: { status: 'changed' } }))
}

export default function AdminUsers() {
  const { users, administrations, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { t } = useTranslation(['admin', 'common'])
  const [form, fields] = useForm({
    id: 'create-user',
    lastResult: actionData?.result,
    constraint: getZodConstraint(CreateUserSchema),
    defaultValue: { role: Role.LEARNER, preferredLocale: 'en' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateUserSchema }),
    shouldRevalidate: 'onInput',
  })
  const created = searchParams.get('created')
  return (
    <>
      <h1>{t('users.title')}</h1>
      <p className="lead">{t('users.intro')}</p>
      {created ? (
        <p className="notice" role="status">
          {t('users.created', { email: created })}
        </p>
      ) : null}
      {searchParams.get('status') === 'changed' ? (
        <p className="notice" role="status">
          {t('users.statusChanged')}
        </p>
      ) : null}
      {actionData && 'statusError' in actionData ? <FormErrors errors={[actionData.statusError]} ns="admin" /> : null}
      <div className="table-wrap">
        <table>
          <caption>
            {t('users.table.caption')} · {t('users.count', { count: users.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('users.table.name')}</th>
              <th scope="col">{t('users.table.email')}</th>
              <th scope="col">{t('users.table.role')}</th>
              <th scope="col">{t('users.table.administration')}</th>
              <th scope="col">{t('users.table.created')}</th>
              <th scope="col">{t('users.table.status')}</th>
              <th scope="col">{t('users.table.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => {
              const disabled = user.disabledAt !== null
              return (
                <tr key={user.id}>
                  <th scope="row">{user.displayName}</th>
                  <td>{user.email}</td>
                  <td>{t(`common:roles.${user.role}`)}</td>
                  <td>{user.administration ?? t('users.none')}</td>
                  <td>{formatDate(user.createdAt, locale)}</td>
                  <td className={disabled ? 'status--disabled' : undefined}>
                    {disabled ? t('users.disabled') : t('users.active')}
                  </td>
                  <td>
                    <IntentButton
                      field="userId"
                      id={user.id}
                      intent={disabled ? 'enable' : 'disable'}
                      label={disabled ? t('users.enable') : t('users.disable')}
                      accessibleName={t(disabled ? 'users.enableLabel' : 'users.disableLabel', {
                        name: user.displayName,
                      })}
                    />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="create-title">
        <h2 id="create-title">{t('users.createTitle')}</h2>
        <FormErrors errors={form.errors} ns="admin" />
        <ConformForm form={form} method="post" className="form">
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
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {t(`common:language.${locale}`)}
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
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
