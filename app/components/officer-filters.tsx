import type { ReactNode } from 'react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AccountStatusField } from './account-status-field'
import { Pager as GenericPager } from './pager'
import { SubmitButton } from './submit-button'

/**
 * The officer search of the manage pages (a GET form: the filters stay in the address, so a filtered
 * list can be bookmarked, and exports take the same filters). `withStatus` adds the status filter;
 * `children` are a page's own fields.
 */
export function OfficerFilters({
  administrationCode,
  filters,
  units,
  withStatus = false,
  children,
}: {
  administrationCode: string
  filters: { q: string; unit: string; status?: string | null }
  units: { id: string; name: string }[]
  withStatus?: boolean
  children?: ReactNode
}) {
  const { t } = useTranslation('manage')
  return (
    <Form method="get" className="form form--inline" role="search" aria-label={t('filters.label')}>
      <input type="hidden" name="administration" value={administrationCode} />
      <div className="field">
        <label htmlFor="officer-query">{t('filters.query')}</label>
        <input id="officer-query" name="q" type="search" defaultValue={filters.q} maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="officer-unit">{t('filters.unit')}</label>
        <select id="officer-unit" name="unit" defaultValue={filters.unit}>
          <option value="">{t('filters.anyUnit')}</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      </div>
      {withStatus ? (
        <AccountStatusField
          id="officer-status"
          label={t('filters.status')}
          anyLabel={t('filters.anyStatus')}
          value={filters.status}
        />
      ) : null}
      {children}
      <SubmitButton className="button">{t('filters.apply')}</SubmitButton>
    </Form>
  )
}

/** The manage pages' pager: its notices (a status changed, a course assigned) stay on the page they were given on. */
export function Pager({ page, pages }: { page: number; pages: number }) {
  return <GenericPager page={page} pages={pages} notices={MANAGE_NOTICES} />
}

const MANAGE_NOTICES = ['changed', 'assigned'] as const
