import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AccountStatusField } from './account-status-field'
import { Role } from '~/modules/auth/user'
import { SubmitButton } from './submit-button'

/**
 * The admin's user search (a GET form: the filters stay in the address, so the pages and a bookmark
 * keep them). Roles and statuses in the same words as everywhere else (`common:roles`, `common:accountStatus`).
 */
export function UserFilters({
  filters,
  administrations,
  noAdministration,
}: {
  filters: { q: string; role: string | null; administration: string; status: string | null }
  administrations: { id: string; name: string }[]
  /** The value that stands for "no administration" (the regional office's staff). */
  noAdministration: string
}) {
  const { t } = useTranslation(['admin', 'common'])
  return (
    <Form method="get" className="form form--inline" role="search" aria-label={t('users.filters.label')}>
      <div className="field">
        <label htmlFor="user-query">{t('users.filters.query')}</label>
        <input id="user-query" name="q" type="search" defaultValue={filters.q} maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="user-role">{t('users.filters.role')}</label>
        <select id="user-role" name="role" defaultValue={filters.role ?? ''}>
          <option value="">{t('users.filters.anyRole')}</option>
          {Object.values(Role).map((role) => (
            <option key={role} value={role}>
              {t(`common:roles.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="user-administration">{t('users.filters.administration')}</label>
        <select id="user-administration" name="administration" defaultValue={filters.administration}>
          <option value="">{t('users.filters.anyAdministration')}</option>
          <option value={noAdministration}>{t('users.noAdministration')}</option>
          {administrations.map((administration) => (
            <option key={administration.id} value={administration.id}>
              {administration.name}
            </option>
          ))}
        </select>
      </div>
      <AccountStatusField
        id="user-status"
        label={t('users.filters.status')}
        anyLabel={t('users.filters.anyStatus')}
        value={filters.status}
      />
      <SubmitButton className="button">{t('users.filters.apply')}</SubmitButton>
    </Form>
  )
}
