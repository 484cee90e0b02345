import type { ReactNode } from 'react'
import { Form, Link, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { OFFICER_STATUSES } from '~/modules/manage/officer-status'
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
        <div className="field">
          <label htmlFor="officer-status">{t('filters.status')}</label>
          <select id="officer-status" name="status" defaultValue={filters.status ?? ''}>
            <option value="">{t('filters.anyStatus')}</option>
            {OFFICER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {children}
      <SubmitButton className="button">{t('filters.apply')}</SubmitButton>
    </Form>
  )
}

/** Previous / next page links that keep the filters in the address. */
export function Pager({ page, pages }: { page: number; pages: number }) {
  const { t } = useTranslation('manage')
  const [searchParams] = useSearchParams()
  if (pages <= 1) return null
  const to = (target: number) => {
    const next = new URLSearchParams(searchParams)
    next.set('page', String(target))
    for (const notice of ['changed', 'assigned']) next.delete(notice)
    return `?${next}`
  }
  return (
    <nav aria-label={t('pages.label')} className="pages">
      {page > 1 ? <Link to={to(page - 1)}>{t('pages.previous')}</Link> : null}{' '}
      <span>{t('pages.current', { page, pages })}</span>{' '}
      {page < pages ? <Link to={to(page + 1)}>{t('pages.next')}</Link> : null}
    </nav>
  )
}
