import { Link, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/**
 * Previous / next page links that keep the filters in the address. `notices` are the parameters of a
 * one-time message ("the status has been changed") that must not follow the reader to another page.
 */
export function Pager({ page, pages, notices = [] }: { page: number; pages: number; notices?: readonly string[] }) {
  const { t } = useTranslation('common')
  const [searchParams] = useSearchParams()
  if (pages <= 1) return null
  const to = (target: number) => {
    const next = new URLSearchParams(searchParams)
    next.set('page', String(target))
    for (const notice of notices) next.delete(notice)
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
