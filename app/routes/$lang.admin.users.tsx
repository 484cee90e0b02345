import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrors } from '~/components/forms'
import { IntentButton } from '~/components/intent-button'
import { Pager } from '~/components/pager'
import { UserFilters } from '~/components/user-filters'
import { requirePermission } from '~/edge/guard.server'
import { readForm } from '~/edge/request-form.server'
import { getServerT } from '~/i18n/i18n.server'
import { href } from '~/i18n/href'
import { localizedName } from '~/i18n/localized'
import { NO_ADMINISTRATION, SetUserStatusSchema, UserFilterSchema } from '~/modules/admin/users.schema'
import { listAdministrations, listUsers, setUserDisabled } from '~/modules/admin/users.server'
import { formatDate } from '~/utils/format'
import { invariantResponse } from '~/utils/http'
import { titleMeta } from '~/utils/meta'
import { ScrollTable } from '~/components/data-table'

export const handle = { i18n: ['admin'] }

/** One-time messages: a page or filter link leaves them behind. */
const NOTICES = ['created', 'changed'] as const

export async function loader(args: LoaderFunctionArgs) {
  requirePermission(args, 'manage:users')
  const { locale } = args.context
  const t = getServerT(locale, 'admin')
  const filters = UserFilterSchema.parse(Object.fromEntries(new URL(args.request.url).searchParams))
  const [found, administrations] = await Promise.all([listUsers(filters), listAdministrations()])
  return {
    title: t('users.title'),
    locale,
    filters,
    total: found.total,
    pages: found.pages,
    users: found.users.map(({ administration, ...user }) => ({
      ...user,
      administration: administration ? localizedName(administration.name, locale) : null,
    })),
    administrations: administrations.map((a) => ({ id: a.id, name: localizedName(a.name, locale) })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data)

/** Deactivates or reactivates an account; creating one is on its own page (/admin/users/new). */
export async function action(args: ActionFunctionArgs) {
  const admin = requirePermission(args, 'manage:users')
  const status = SetUserStatusSchema.safeParse(Object.fromEntries(await readForm(args.request)))
  invariantResponse(status.success, 'common:errors.unknownForm', { status: 400 })
  const outcome = await setUserDisabled({
    actorId: admin.id,
    userId: status.data.userId,
    disabled: status.data.intent === 'disable',
  })
  invariantResponse(outcome !== 'not-found', 'common:errors.notFoundText', { status: 404 })
  if (outcome === 'self') return data({ statusError: 'users.cannotDisableSelf' }, { status: 400 })
  // Back to the same filtered page the button was on.
  const back = new URL(args.request.url).searchParams
  for (const notice of NOTICES) back.delete(notice)
  back.set('changed', '1')
  return redirect(href(args.context.locale, '/admin/users', { query: back }))
}

export default function AdminUsers() {
  const { users, total, pages, filters, administrations, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { t } = useTranslation(['admin', 'common'])
  const created = searchParams.get('created')
  return (
    <>
      <h1>{t('users.title')}</h1>
      <p className="lead">{t('users.intro')}</p>
      <p>
        <Link to={href(locale, '/admin/users/new')} className="button">
          {t('users.createTitle')}
        </Link>
      </p>
      {created ? (
        <p className="notice" role="status">
          {t('users.created', { email: created })}
        </p>
      ) : null}
      {searchParams.get('changed') ? (
        <p className="notice" role="status">
          {t('users.statusChanged')}
        </p>
      ) : null}
      {actionData ? <FormErrors errors={[actionData.statusError]} ns="admin" /> : null}
      <UserFilters filters={filters} administrations={administrations} noAdministration={NO_ADMINISTRATION} />
      <ScrollTable
        caption={`${t('users.table.caption')} · ${t('users.count', { count: total })}`}
        columns={[
          t('users.table.name'),
          t('users.table.email'),
          t('users.table.role'),
          t('users.table.administration'),
          t('users.table.created'),
          t('users.table.status'),
          t('users.table.actions'),
        ]}
      >
        {users.map((user) => {
          const deactivated = user.status === 'deactivated'
          return (
            <tr key={user.id} data-user={user.email}>
              <th scope="row">{user.displayName}</th>
              <td>{user.email}</td>
              <td>{t(`common:roles.${user.role}`)}</td>
              <td>{user.administration ?? t('users.none')}</td>
              <td>{formatDate(user.createdAt, locale)}</td>
              <td className={deactivated ? 'status--disabled' : undefined}>
                {t(`common:accountStatus.${user.status}`)}
              </td>
              <td>
                <IntentButton
                  field="userId"
                  id={user.id}
                  intent={deactivated ? 'enable' : 'disable'}
                  label={deactivated ? t('users.enable') : t('users.disable')}
                  accessibleName={t(deactivated ? 'users.enableLabel' : 'users.disableLabel', {
                    name: user.displayName,
                  })}
                />
              </td>
            </tr>
          )
        })}
      </ScrollTable>
      {users.length === 0 ? <p>{t('users.noneFound')}</p> : null}
      <Pager page={filters.page} pages={pages} notices={NOTICES} />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
